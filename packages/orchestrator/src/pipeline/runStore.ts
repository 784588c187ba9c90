import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Drizzle, Executor } from '@truth-spine/store';
import { runs, runSteps, type RunStatus } from '@truth-spine/store/schema';
import type { RunTrigger } from './stepBody.js';
import { pipelineSteps, type StepName } from './steps.js';

/** A row of `runs`. */
export type RunRow = typeof runs.$inferSelect;
/** A row of `run_steps`. */
export type RunStepRow = typeof runSteps.$inferSelect;

/** Inserts a `running` run and its seven `pending` steps (one statement each). */
export async function createRun(
  executor: Executor,
  run: { id: string; asOf: string; trigger: RunTrigger; scheduledAt: Date; startedAt: Date },
): Promise<void> {
  await executor.insert(runs).values({ ...run, status: 'running' });
  await executor.insert(runSteps).values(
    pipelineSteps.map((step, position) => ({
      runId: run.id,
      step,
      position,
      status: 'pending' as const,
    })),
  );
}

/** The run with this id, or null. */
export async function loadRun(executor: Executor, runId: string): Promise<RunRow | null> {
  const [row] = await executor.select().from(runs).where(eq(runs.id, runId));
  return row ?? null;
}

/** The run's steps in pipeline order. */
export async function loadRunSteps(executor: Executor, runId: string): Promise<RunStepRow[]> {
  return executor
    .select()
    .from(runSteps)
    .where(eq(runSteps.runId, runId))
    .orderBy(asc(runSteps.position));
}

/** Updates one step's row. */
export async function updateRunStep(
  executor: Executor,
  runId: string,
  step: StepName,
  patch: Partial<Omit<RunStepRow, 'runId' | 'step' | 'position'>>,
): Promise<void> {
  await executor
    .update(runSteps)
    .set(patch)
    .where(and(eq(runSteps.runId, runId), eq(runSteps.step, step)));
}

/** Updates the run's row. */
export async function updateRun(
  executor: Executor,
  runId: string,
  patch: Partial<Omit<RunRow, 'id'>>,
): Promise<void> {
  await executor.update(runs).set(patch).where(eq(runs.id, runId));
}

/**
 * Marks every `running` run `interrupted` (and its `running` step `failed`). Only call it
 * while holding the single-flight lock: then no live process owns those rows — they are
 * left over from a process that died (kill -9, power loss). Returns the ids marked.
 */
export async function interruptStaleRuns(executor: Executor, now: Date): Promise<string[]> {
  const stale = await executor
    .update(runs)
    .set({ status: 'interrupted', finishedAt: now, error: 'interrupted: its process stopped' })
    .where(eq(runs.status, 'running'))
    .returning({ id: runs.id });
  const ids = stale.map((r) => r.id);
  if (ids.length > 0) {
    await executor
      .update(runSteps)
      .set({ status: 'failed', finishedAt: now, error: 'interrupted: its process stopped' })
      .where(and(inArray(runSteps.runId, ids), eq(runSteps.status, 'running')));
  }
  return ids;
}

/** The newest run of `asOf` whose status is one of `statuses`, or null. */
export async function latestRunOfDate(
  executor: Executor,
  asOf: string,
  statuses: readonly RunStatus[],
): Promise<RunRow | null> {
  const [row] = await executor
    .select()
    .from(runs)
    .where(and(eq(runs.asOf, asOf), inArray(runs.status, [...statuses])))
    .orderBy(desc(runs.startedAt))
    .limit(1);
  return row ?? null;
}

/**
 * Inserts a new `running` run of `done`'s date that starts at reconcile_ledger on `done`'s
 * pack: its build_pack step is a copy of `done`'s (succeeded, same details), the other six
 * are pending. One transaction.
 */
export async function startRerunFromReconciliation(
  executor: Pick<Drizzle, 'transaction'>,
  done: RunRow,
  run: { id: string; trigger: RunTrigger; scheduledAt: Date; startedAt: Date; details: object },
): Promise<void> {
  await executor.transaction(async (tx) => {
    const [source] = await tx
      .select()
      .from(runSteps)
      .where(and(eq(runSteps.runId, done.id), eq(runSteps.step, 'build_pack')));
    if (source?.status !== 'succeeded' || done.packId === null) {
      throw new Error(`run ${done.id} has no succeeded build_pack step and pack to reuse`);
    }
    const { details, ...fields } = run;
    await createRun(tx, { ...fields, asOf: done.asOf });
    await tx.update(runs).set({ packId: done.packId, details }).where(eq(runs.id, run.id));
    await tx
      .update(runSteps)
      .set({
        status: 'succeeded',
        attempts: source.attempts,
        startedAt: source.startedAt,
        finishedAt: source.finishedAt,
        seconds: source.seconds,
        details: { ...((source.details as object | null) ?? {}), copied_from_run: done.id },
      })
      .where(and(eq(runSteps.runId, run.id), eq(runSteps.step, 'build_pack')));
  });
}
