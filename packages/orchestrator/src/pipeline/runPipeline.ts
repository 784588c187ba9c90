import { randomUUID } from 'node:crypto';
import { AdvisoryLockKey } from '@truth-spine/store';
import type { Database } from '@truth-spine/store';
import { systemClock, type Clock } from './clock.js';
import { watchDeadline } from './deadlineWatch.js';
import { settleInterrupted, settleSkipped, settleStopped, settleSucceeded } from './settleRun.js';
import { executeStep, type StepExecution, type StepProgress } from './executeStep.js';
import { addDays, assertIsoDate } from './isoDate.js';
import { silentLogger, type PipelineLogger } from './logger.js';
import {
  InvalidRunDateError,
  RunInProgressError,
  RunNotFoundError,
  StepBodiesError,
} from './pipelineErrors.js';
import { describeInputChanges, inputChangesSince } from '../reconciledInputs/inputChanges.js';
import { defaultRetryPolicy, type RetryPolicy } from './retryPolicy.js';
import { loadRunReport, type RunReport } from './runReport.js';
import {
  createRun,
  interruptStaleRuns,
  latestRunOfDate,
  loadRun,
  loadRunSteps,
  startRerunFromReconciliation,
  updateRun,
  updateRunStep,
  type RunRow,
} from './runStore.js';
import type { RunTrigger, StepBodies, StepDetails } from './stepBody.js';
import { packBuildingStep, pipelineSteps, stepRow, type StepName } from './steps.js';

/** Settings of the engine; every field has a default. */
export interface PipelineOptions {
  readonly clock?: Clock;
  readonly logger?: PipelineLogger;
  /** Bounded retries of non-critical steps (default 3 attempts, 5 s then 10 s). */
  readonly retry?: RetryPolicy;
  /** Per-attempt step timeout in ms, one for all or per step (default 20 min). */
  readonly stepTimeoutMs?: number | Partial<Record<StepName, number>>;
  /** Pack built within `packMinutes` of the scheduled start, run within `runMinutes` (10, 30). */
  readonly deadlines?: { readonly packMinutes: number; readonly runMinutes: number };
  /** How often deadlines are checked while a step runs (default 5 s). */
  readonly deadlinePollMs?: number;
  /** When another run holds the lock: false (default) → RunInProgressError; true → wait. */
  readonly waitForLock?: boolean;
  /**
   * Cancels the run (e.g. on SIGTERM): the current step's signal is aborted, the run is
   * recorded `interrupted` (no dead letter, no alert) and can be resumed.
   */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: StepProgress) => void;
}

/** A run of one date. */
export interface NightlyRequest {
  /** The as-of date D, `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly trigger?: RunTrigger;
  /** Run even though this date already succeeded. */
  readonly force?: boolean;
  /** When the run was due (cron time); deadlines count from it. Default: now. */
  readonly scheduledAt?: Date;
}

/** What a run call did: `ran: false` → nothing to do, `report` is the earlier run's. */
export interface RunOutcome {
  readonly ran: boolean;
  readonly report: RunReport;
}

const defaultStepTimeoutMs = 20 * 60_000;
const defaultDeadlines = { packMinutes: 10, runMinutes: 30 };

/**
 * Runs the pipeline for `request.asOf` under the single-flight lock: the seven steps in
 * their fixed order with `bodies`. A date that already succeeded (or was skipped as a
 * non-trading day) is not run again unless `force`: then `ran` is false — except when the
 * ledgers or books that run reconciled have changed since ({@link inputChangesSince}): then
 * a new run starts from reconcile_ledger on that run's pack (its build_pack step copied),
 * with `input_changes` naming the portfolios in its report. `running` rows
 * left by a dead process are marked `interrupted` first. Throws {@link RunInProgressError}
 * when another run holds the lock (unless `waitForLock`).
 */
export async function runNightly(
  db: Database,
  bodies: StepBodies,
  request: NightlyRequest,
  options: PipelineOptions = {},
): Promise<RunOutcome> {
  assertIsoDate(request.asOf, 'as-of date');
  assertBodies(bodies);
  return withRunLock(db, options, () => runDateLocked(db, bodies, request, options));
}

/**
 * Continues run `runId` from its first unfinished step, reusing its pack (resume after a
 * failure, a block that a person fixed, or a killed process). A run that succeeded or was
 * skipped has nothing to resume: `ran` is false.
 */
export async function resumeRun(
  db: Database,
  bodies: StepBodies,
  runId: string,
  options: PipelineOptions = {},
): Promise<RunOutcome> {
  assertBodies(bodies);
  return withRunLock(db, options, () => resumeLocked(db, bodies, runId, options));
}

/**
 * Runs every date from `from` to `to` (inclusive) in order under one lock hold; dates that
 * already succeeded are no-ops, non-trading days come back skipped. Stops after the first
 * date that ends failed or blocked and returns the outcomes so far.
 */
export async function backfill(
  db: Database,
  bodies: StepBodies,
  range: { readonly from: string; readonly to: string; readonly force?: boolean },
  options: PipelineOptions = {},
): Promise<RunOutcome[]> {
  assertIsoDate(range.from, 'backfill start');
  assertIsoDate(range.to, 'backfill end');
  if (range.from > range.to) {
    throw new InvalidRunDateError(`backfill start ${range.from} is after its end ${range.to}`);
  }
  assertBodies(bodies);
  return withRunLock(db, options, async () => {
    const outcomes: RunOutcome[] = [];
    for (let asOf = range.from; asOf <= range.to; asOf = addDays(asOf, 1)) {
      const request = { asOf, trigger: 'backfill' as const, force: range.force ?? false };
      const outcome = await runDateLocked(db, bodies, request, options);
      outcomes.push(outcome);
      if (outcome.report.status === 'failed' || outcome.report.status === 'blocked') break;
    }
    return outcomes;
  });
}

/**
 * Runs `work` holding the pipeline advisory lock, after marking stale `running` rows
 * interrupted (holding the lock proves no live process owns them).
 */
export async function withRunLock<T>(
  db: Database,
  options: PipelineOptions,
  work: () => Promise<T>,
): Promise<T> {
  const lock = await db.advisoryLock(AdvisoryLockKey.pipelineRun, {
    wait: options.waitForLock ?? false,
  });
  if (lock === null) throw new RunInProgressError(await describeRunningRun(db));
  try {
    const stale = await interruptStaleRuns(db.drizzle, (options.clock ?? systemClock).now());
    if (stale.length > 0) {
      (options.logger ?? silentLogger).warn(
        { runs: stale },
        'marked stale running runs interrupted',
      );
    }
    return await work();
  } finally {
    await lock.release();
  }
}

/** Resume under an already-held lock (used by dead-letter replay). */
export async function resumeLocked(
  db: Database,
  bodies: StepBodies,
  runId: string,
  options: PipelineOptions,
): Promise<RunOutcome> {
  const run = await loadRun(db.drizzle, runId);
  if (run === null) throw new RunNotFoundError(runId);
  if (run.status === 'succeeded' || run.status === 'skipped') {
    return { ran: false, report: await loadRunReport(db, runId) };
  }
  const steps = await loadRunSteps(db.drizzle, runId);
  const first = steps.findIndex((s) => s.status !== 'succeeded');
  for (const s of steps.slice(first)) {
    await updateRunStep(db.drizzle, runId, s.step as StepName, {
      status: 'pending',
      attempts: 0,
      startedAt: null,
      finishedAt: null,
      seconds: null,
      error: null,
      blockedBy: null,
      details: null,
    });
  }
  const resumes = Number((run.details as { resumes?: number } | null)?.resumes ?? 0) + 1;
  await updateRun(db.drizzle, runId, {
    status: 'running',
    finishedAt: null,
    blockedAt: null,
    error: null,
    details: { ...(run.details as object | null), resumes },
  });
  (options.logger ?? silentLogger).info({ runId, from: pipelineSteps[first] }, 'resuming run');
  await continueRun(db, bodies, { ...run, status: 'running' }, options);
  return { ran: true, report: await loadRunReport(db, runId) };
}

async function runDateLocked(
  db: Database,
  bodies: StepBodies,
  request: NightlyRequest,
  options: PipelineOptions,
): Promise<RunOutcome> {
  if (!(request.force ?? false)) {
    const done = await latestRunOfDate(db.drizzle, request.asOf, ['succeeded', 'skipped']);
    if (done !== null) {
      const changes =
        done.status === 'succeeded' && done.packId !== null
          ? await inputChangesSince(db, done.id, request.asOf)
          : null;
      if (changes !== null && changes.portfolios.length > 0) {
        const now = (options.clock ?? systemClock).now();
        const id = randomUUID();
        (options.logger ?? silentLogger).info(
          { asOf: request.asOf, since: done.id, runId: id, changed: describeInputChanges(changes) },
          'inputs changed since the run that succeeded; running again from reconcile_ledger on its pack',
        );
        await startRerunFromReconciliation(db.drizzle, done, {
          id,
          trigger: request.trigger ?? 'manual',
          scheduledAt: request.scheduledAt ?? now,
          startedAt: now,
          details: { input_changes: changes },
        });
        const rerun = await loadRun(db.drizzle, id);
        if (rerun === null) throw new RunNotFoundError(id);
        await continueRun(db, bodies, rerun, options);
        return { ran: true, report: await loadRunReport(db, id) };
      }
      (options.logger ?? silentLogger).info(
        { asOf: request.asOf, runId: done.id, status: done.status },
        'date already done; nothing to run (use force to run it again)',
      );
      return { ran: false, report: await loadRunReport(db, done.id) };
    }
  }
  const now = (options.clock ?? systemClock).now();
  const id = randomUUID();
  await db.drizzle.transaction(async (tx) => {
    await createRun(tx, {
      id,
      asOf: request.asOf,
      trigger: request.trigger ?? 'manual',
      scheduledAt: request.scheduledAt ?? now,
      startedAt: now,
    });
  });
  const run = await loadRun(db.drizzle, id);
  if (run === null) throw new RunNotFoundError(id);
  await continueRun(db, bodies, run, options);
  return { ran: true, report: await loadRunReport(db, id) };
}

/** Runs the run's unfinished steps in the fixed order and settles the run's status. */
async function continueRun(
  db: Database,
  bodies: StepBodies,
  initial: RunRow,
  options: PipelineOptions,
): Promise<void> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const deadlines = options.deadlines ?? defaultDeadlines;
  const execution: StepExecution = {
    db,
    clock,
    logger,
    retry: options.retry ?? defaultRetryPolicy,
    timeoutMs: stepTimeout(options.stepTimeoutMs),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  };
  let run = initial;
  const stored = await loadRunSteps(db.drizzle, run.id);
  const outputs: Partial<Record<StepName, StepDetails>> = {};
  for (const s of stored) {
    if (s.status === 'succeeded') outputs[s.step as StepName] = (s.details ?? {}) as StepDetails;
  }
  const alertBase = () => ({ runId: run.id, asOf: run.asOf, packId: run.packId, at: clock.now() });
  const deadline = (which: 'pack' | 'run', minutes: number, alreadyMissed: boolean) => {
    const at = addMinutes(run.scheduledAt, minutes);
    return watchDeadline({
      db,
      clock,
      logger,
      runId: run.id,
      which,
      deadline: at,
      alreadyMissed,
      pollMs: options.deadlinePollMs ?? 5_000,
      alert: () => ({
        ...alertBase(),
        kind: which === 'pack' ? 'pack_deadline_missed' : 'run_deadline_missed',
        severity: 'warning',
        message: `${which === 'pack' ? 'pack' : 'run'} for ${run.asOf} not ${
          which === 'pack' ? 'built' : 'finished'
        } by ${at.toISOString()}`,
      }),
    });
  };
  const packBuilt = stored.some((s) => s.step === packBuildingStep && s.status === 'succeeded');
  const packWatch = deadline('pack', deadlines.packMinutes, run.packDeadlineMissed || packBuilt);
  const runWatch = deadline('run', deadlines.runMinutes, run.runDeadlineMissed);
  try {
    await runSteps();
  } finally {
    packWatch.stop();
    runWatch.stop();
  }

  async function runSteps(): Promise<void> {
    for (const [index, step] of pipelineSteps.entries()) {
      if (stored[index]?.status === 'succeeded') continue;
      const result = await executeStep(execution, run, step, bodies[step], outputs);
      const { buildsPack } = stepRow(step);

      if (buildsPack && result.status === 'succeeded' && result.packId !== null) {
        run = { ...run, packId: result.packId };
        await updateRun(db.drizzle, run.id, { packId: result.packId });
      }
      if (buildsPack) {
        if (result.status !== 'skipped') await packWatch.check();
        packWatch.stop();
      }
      await runWatch.check();

      if (result.status === 'succeeded') {
        outputs[step] = result.details;
        await db.checkpoint();
        continue;
      }
      if (result.status === 'skipped') {
        await settleSkipped(db, run, step, result.reason, clock.now());
        logger.info({ runId: run.id, asOf: run.asOf, reason: result.reason }, 'run skipped');
      } else if (options.signal?.aborted === true) {
        await settleInterrupted(db, run, step, result.error, clock.now());
        logger.warn({ runId: run.id, step }, 'run cancelled; resume it to continue');
      } else {
        await settleStopped(db, run, step, result.error, clock.now(), options.onProgress);
      }
      await db.checkpoint();
      return;
    }
    await settleSucceeded(db, run, clock.now());
    await db.checkpoint();
    logger.info({ runId: run.id, asOf: run.asOf }, 'run succeeded');
  }
}

function stepTimeout(setting: PipelineOptions['stepTimeoutMs']): (step: StepName) => number {
  if (setting === undefined) return () => defaultStepTimeoutMs;
  if (typeof setting === 'number') return () => setting;
  return (step) => setting[step] ?? defaultStepTimeoutMs;
}

function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

function assertBodies(bodies: StepBodies): void {
  const given = Object.keys(bodies);
  const missing = pipelineSteps.filter((s) => typeof bodies[s] !== 'function');
  const unknown = given.filter((name) => !(pipelineSteps as readonly string[]).includes(name));
  if (missing.length > 0) throw new StepBodiesError(`missing ${missing.join(', ')}`);
  if (unknown.length > 0) throw new StepBodiesError(`unknown steps ${unknown.join(', ')}`);
}

async function describeRunningRun(db: Database): Promise<string> {
  const rows = await db.query<{ id: string; as_of: string }>(
    "select id, as_of::text as as_of from runs where status = 'running' order by started_at desc limit 1",
  );
  const row = rows[0];
  return row === undefined ? 'lock held' : `run ${row.id} for ${row.as_of}`;
}
