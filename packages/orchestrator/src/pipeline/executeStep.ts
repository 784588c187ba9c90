import type { Database } from '@truth-spine/store';
import { recordDeadLetter } from '../deadLetters/deadLetters.js';
import type { Clock } from './clock.js';
import type { PipelineLogger } from './logger.js';
import { StepContractError, StepOrderError, StepTimeoutError } from './pipelineErrors.js';
import { backoffDelayMs, type RetryPolicy } from './retryPolicy.js';
import { loadRun, loadRunSteps, updateRunStep, type RunRow } from './runStore.js';
import type { StepBody, StepContext, StepDetails, StepOutcome } from './stepBody.js';
import { pipelineSteps, skippableStep, stepRow, type StepName } from './steps.js';

/** Progress the engine reports while it runs (the runner prints it). */
export interface StepProgress {
  readonly runId: string;
  readonly step: StepName;
  readonly status: 'running' | 'retrying' | 'succeeded' | 'failed' | 'skipped' | 'blocked';
  readonly attempt: number;
  readonly seconds?: number;
  readonly error?: string;
}

/** How steps are executed. */
export interface StepExecution {
  readonly db: Database;
  readonly clock: Clock;
  readonly logger: PipelineLogger;
  readonly retry: RetryPolicy;
  /** Per-attempt timeout of each step. */
  readonly timeoutMs: (step: StepName) => number;
  /** Cancels the whole run (e.g. SIGTERM); no retry after it fires. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: StepProgress) => void;
}

/** How one step ended. */
export type StepResult =
  | { readonly status: 'succeeded'; readonly details: StepDetails; readonly packId: string | null }
  | { readonly status: 'skipped'; readonly reason: string; readonly details: StepDetails }
  | { readonly status: 'failed'; readonly error: string; readonly details: StepDetails };

/**
 * Runs `step` of `run`, persisting its status, attempts, timing, error and details.
 *
 * Contract: throws {@link StepOrderError} unless the run is running, every earlier step
 * succeeded and this one is pending — the fixed order is checked against the database,
 * not trusted to the caller. A thrown error or timeout is retried with backoff up to
 * `retry.maxAttempts` (the critical step gets one attempt); a `failed` outcome is final.
 * A final failure writes a dead letter with the context needed to replay it — except when
 * the run was cancelled (`signal`), which is an interruption to resume, not an error.
 */
export async function executeStep(
  execution: StepExecution,
  run: RunRow,
  step: StepName,
  body: StepBody,
  outputs: StepContext['outputs'],
): Promise<StepResult> {
  const { db, clock, logger } = execution;
  await assertMayRun(execution.db, run, step);
  const maxAttempts = stepRow(step).critical ? 1 : Math.max(1, execution.retry.maxAttempts);
  const startedAt = clock.now();
  let result: StepResult | null = null;
  let attempt = 0;
  while (result === null) {
    attempt += 1;
    await updateRunStep(db.drizzle, run.id, step, {
      status: 'running',
      attempts: attempt,
      startedAt,
      error: null,
    });
    execution.onProgress?.({ runId: run.id, step, status: 'running', attempt });
    const context: StepContext = {
      runId: run.id,
      asOf: run.asOf,
      trigger: run.trigger,
      step,
      packId: run.packId,
      attempt,
      signal: execution.signal ?? new AbortController().signal,
      db,
      logger,
      clock,
      outputs,
    };
    try {
      const outcome = await attemptWithTimeout(
        body,
        context,
        execution.timeoutMs(step),
        execution.signal,
      );
      result = checkedResult(step, outcome);
    } catch (error) {
      const message = errorMessage(error);
      const cancelled = execution.signal?.aborted === true;
      if (attempt >= maxAttempts || cancelled) {
        result = { status: 'failed', error: message, details: {} };
      } else {
        const delay = backoffDelayMs(execution.retry, attempt);
        logger.warn(
          { runId: run.id, step, attempt, delayMs: delay, error: message },
          'step attempt failed; retrying',
        );
        execution.onProgress?.({
          runId: run.id,
          step,
          status: 'retrying',
          attempt,
          error: message,
        });
        await sleep(delay, execution.signal);
      }
    }
  }
  const finishedAt = clock.now();
  const seconds = (finishedAt.getTime() - startedAt.getTime()) / 1000;
  await updateRunStep(db.drizzle, run.id, step, {
    status: result.status,
    finishedAt,
    seconds,
    error: result.status === 'failed' ? result.error : null,
    details:
      result.status === 'skipped' ? { ...result.details, reason: result.reason } : result.details,
  });
  const cancelled = execution.signal?.aborted === true;
  if (result.status === 'failed' && !cancelled) {
    await recordDeadLetter(db.drizzle, {
      kind: 'pipeline_step',
      runId: run.id,
      step,
      asOf: run.asOf,
      packId: run.packId,
      payload: { run_id: run.id, as_of: run.asOf, step, pack_id: run.packId, trigger: run.trigger },
      error: result.error,
      attempts: attempt,
      at: finishedAt,
    });
    logger.error({ runId: run.id, step, attempts: attempt, error: result.error }, 'step failed');
  } else {
    logger.info({ runId: run.id, step, status: result.status, seconds }, 'step finished');
  }
  execution.onProgress?.({
    runId: run.id,
    step,
    status: result.status,
    attempt,
    seconds,
    ...(result.status === 'failed' ? { error: result.error } : {}),
  });
  return result;
}

async function assertMayRun(db: Database, run: RunRow, step: StepName): Promise<void> {
  const rows = await loadRunSteps(db.drizzle, run.id);
  const position = pipelineSteps.indexOf(step);
  const current = await loadRun(db.drizzle, run.id);
  if (current?.status !== 'running') {
    throw new StepOrderError(
      run.id,
      step,
      `the run is ${current?.status ?? 'missing'}, not running`,
    );
  }
  for (const earlier of pipelineSteps.slice(0, position)) {
    const row = rows.find((r) => r.step === earlier);
    if (row?.status !== 'succeeded') {
      throw new StepOrderError(
        run.id,
        step,
        `${earlier} has not succeeded (it is ${row?.status ?? 'missing'})`,
      );
    }
  }
  const own = rows.find((r) => r.step === step);
  if (own?.status !== 'pending') {
    throw new StepOrderError(run.id, step, `it is ${own?.status ?? 'missing'}, not pending`);
  }
}

function checkedResult(step: StepName, outcome: StepOutcome): StepResult {
  const details = outcome.details ?? {};
  switch (outcome.status) {
    case 'succeeded':
      if (stepRow(step).buildsPack && outcome.packId === undefined) {
        throw new StepContractError(step, 'succeeded without reporting packId');
      }
      return { status: 'succeeded', details, packId: outcome.packId ?? null };
    case 'skipped':
      if (!stepRow(step).skippable) {
        throw new StepContractError(step, `only ${skippableStep} may be skipped`);
      }
      return { status: 'skipped', reason: outcome.reason, details };
    case 'failed':
      return { status: 'failed', error: outcome.error, details };
  }
}

/** Runs one attempt; rejects with StepTimeoutError (and aborts ctx.signal) on timeout. */
async function attemptWithTimeout(
  body: StepBody,
  context: StepContext,
  timeoutMs: number,
  runSignal: AbortSignal | undefined,
): Promise<StepOutcome> {
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new StepTimeoutError(context.step, timeoutMs)),
    timeoutMs,
  );
  const signal =
    runSignal === undefined ? timeout.signal : AbortSignal.any([timeout.signal, runSignal]);
  try {
    return await new Promise<StepOutcome>((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      body({ ...context, signal }).then(resolve, reject);
    });
  } finally {
    clearTimeout(timer);
  }
}

async function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 || signal?.aborted) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
