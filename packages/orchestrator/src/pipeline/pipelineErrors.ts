import type { StepName } from './steps.js';

/**
 * A step was asked to run out of the fixed order: a step ahead of it has not succeeded,
 * it already ran, or its run is not running.
 */
export class StepOrderError extends Error {
  readonly code = 'step_out_of_order' as const;
  constructor(
    readonly runId: string,
    readonly step: StepName,
    reason: string,
  ) {
    super(`run ${runId}: ${step} cannot run now: ${reason}`);
    this.name = 'StepOrderError';
  }
}

/** Another pipeline run holds the single-flight lock (runner exit code 3). */
export class RunInProgressError extends Error {
  readonly code = 'run_in_progress' as const;
  constructor(readonly holder: string) {
    super(`another pipeline run is in progress (${holder}); not starting a second one`);
    this.name = 'RunInProgressError';
  }
}

/** A step attempt ran past its timeout; its AbortSignal was aborted. */
export class StepTimeoutError extends Error {
  readonly code = 'step_timeout' as const;
  constructor(
    readonly step: StepName,
    readonly timeoutMs: number,
  ) {
    super(`${step} timed out after ${timeoutMs / 1000} s`);
    this.name = 'StepTimeoutError';
  }
}

/** A step body broke its contract (e.g. build_pack succeeded without a pack id). */
export class StepContractError extends Error {
  readonly code = 'step_contract' as const;
  constructor(
    readonly step: StepName,
    problem: string,
  ) {
    super(`${step}: ${problem}`);
    this.name = 'StepContractError';
  }
}

/** No run has this id. */
export class RunNotFoundError extends Error {
  readonly code = 'run_not_found' as const;
  constructor(readonly runId: string) {
    super(`no run with id ${runId}`);
    this.name = 'RunNotFoundError';
  }
}

/** The step bodies handed to the engine do not cover the seven steps exactly. */
export class StepBodiesError extends Error {
  readonly code = 'step_bodies' as const;
  constructor(problem: string) {
    super(`step bodies: ${problem}`);
    this.name = 'StepBodiesError';
  }
}

/** A date handed to the engine is not a real `YYYY-MM-DD` calendar date, or a range is reversed. */
export class InvalidRunDateError extends Error {
  readonly code = 'invalid_run_date' as const;
  constructor(problem: string) {
    super(problem);
    this.name = 'InvalidRunDateError';
  }
}
