import { desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@truth-spine/store';
import { packs, runs, runSteps } from '@truth-spine/store/schema';
import { gateStatusOf } from '../freshness/freshness.js';
import { openPackBlocks, type PackBlock } from '../freshness/packBlocks.js';
import type { InputChanges } from '../reconciledInputs/inputChanges.js';
import { RunNotFoundError } from './pipelineErrors.js';
import type { RunRow, RunStepRow } from './runStore.js';
import type { JsonValue } from './stepBody.js';

/** One step in a {@link RunReport}. */
export interface StepReport {
  readonly name: string;
  /** succeeded | failed | blocked | skipped (pending | running while a run is unfinished). */
  readonly status: string;
  readonly seconds: number | null;
  readonly attempts: number;
  readonly error: string | null;
  readonly details: JsonValue;
}

/**
 * The run report printed by `nightly --json` and listed by `status --json` (docs/PIPELINE.md#run-records-and-reports).
 * `status` is succeeded | failed | blocked | skipped for finished runs, or running |
 * interrupted. `blocked_at` names the step whose failure stopped the run.
 */
export interface RunReport {
  readonly run_id: string;
  readonly as_of: string;
  readonly status: string;
  readonly trigger: string;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly blocked_at: string | null;
  readonly deadlines: {
    readonly pack_deadline_missed: boolean;
    readonly run_deadline_missed: boolean;
  };
  readonly pack: {
    readonly id: string;
    readonly version: number;
    readonly hash: string;
    /** What the freshness gate says of the pack now (warming | fresh | blocked | superseded). */
    readonly status: string;
    /** The run holding the pack back; null unless `status` is `blocked`. */
    readonly blocked: PackBlock | null;
  } | null;
  readonly steps: readonly StepReport[];
  /**
   * Set when this run was started because the ledgers or books that an earlier succeeded
   * run of the date reconciled have changed (`since_run`, and which portfolios and what).
   */
  readonly input_changes: InputChanges | null;
}

type PackRow = typeof packs.$inferSelect;

/** Assembles a report from stored rows (steps must be in pipeline order). */
export function buildRunReport(
  run: RunRow,
  steps: readonly RunStepRow[],
  pack: PackRow | null,
  packBlock: PackBlock | null = null,
): RunReport {
  const packStatus = pack === null ? null : gateStatusOf(pack.status, packBlock);
  return {
    run_id: run.id,
    as_of: run.asOf,
    status: run.status,
    trigger: run.trigger,
    started_at: run.startedAt.toISOString(),
    finished_at: run.finishedAt?.toISOString() ?? null,
    blocked_at: run.blockedAt,
    deadlines: {
      pack_deadline_missed: run.packDeadlineMissed,
      run_deadline_missed: run.runDeadlineMissed,
    },
    pack:
      pack === null
        ? null
        : {
            id: pack.id,
            version: pack.version,
            hash: pack.sha256,
            status: packStatus ?? pack.status,
            blocked: packStatus === 'blocked' ? packBlock : null,
          },
    steps: steps.map((s) => ({
      name: s.step,
      status: s.status,
      seconds: s.seconds,
      attempts: s.attempts,
      error: s.error,
      details: (s.details ?? {}) as JsonValue,
    })),
    input_changes: (run.details as { input_changes?: InputChanges } | null)?.input_changes ?? null,
  };
}

/** The report of run `runId`; throws {@link RunNotFoundError}. */
export async function loadRunReport(db: Database, runId: string): Promise<RunReport> {
  const [report] = await reportsOf(
    db,
    await db.drizzle.select().from(runs).where(eq(runs.id, runId)),
  );
  if (report === undefined) throw new RunNotFoundError(runId);
  return report;
}

/** The newest `limit` runs' reports, newest first. */
export async function listRunReports(db: Database, limit = 20): Promise<RunReport[]> {
  const rows = await db.drizzle
    .select()
    .from(runs)
    .orderBy(desc(runs.startedAt), desc(runs.id))
    .limit(limit);
  return reportsOf(db, rows);
}

async function reportsOf(db: Database, runRows: readonly RunRow[]): Promise<RunReport[]> {
  if (runRows.length === 0) return [];
  const ids = runRows.map((r) => r.id);
  const steps = await db.drizzle
    .select()
    .from(runSteps)
    .where(inArray(runSteps.runId, ids))
    .orderBy(runSteps.runId, runSteps.position);
  const packIds = runRows.flatMap((r) => (r.packId === null ? [] : [r.packId]));
  const packRows =
    packIds.length === 0
      ? []
      : await db.drizzle.select().from(packs).where(inArray(packs.id, packIds));
  const packById = new Map(packRows.map((p) => [p.id, p]));
  const blocks = await openPackBlocks(db.drizzle, [...packById.keys()]);
  return runRows.map((run) =>
    buildRunReport(
      run,
      steps.filter((s) => s.runId === run.id),
      run.packId === null ? null : (packById.get(run.packId) ?? null),
      run.packId === null ? null : (blocks.get(run.packId) ?? null),
    ),
  );
}
