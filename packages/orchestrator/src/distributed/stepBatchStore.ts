import type { Database } from '@truth-spine/store';
import type { BatchStatus } from '@truth-spine/store/schema';
import type { StepDetails } from '../pipeline/stepBody.js';

/** The key of one batch: (run, step, batch number). */
export interface BatchKey {
  readonly runId: string;
  readonly step: string;
  readonly batchNo: number;
}

/**
 * One sending of a batch: its key and the generation of the coordinator pass that sent the
 * job (0 = the plan, each resume of the step max + 1). Results and dead letters of another
 * generation than the row's are stale: they change nothing.
 */
export interface BatchAttemptKey extends BatchKey {
  readonly generation: number;
}

/** A step_batches row as the coordinator and the worker read it. */
export interface StepBatch extends BatchAttemptKey {
  readonly portfolioIds: readonly string[];
  readonly status: BatchStatus;
  readonly attempts: number;
  readonly error: string | null;
  readonly details: StepDetails | null;
}

/**
 * pg-boss singleton key of one sending of a batch: `${run}:${step}:${batch}:g${generation}` —
 * a re-send within a generation is dropped by the stately queue, a newer generation is not
 * held back by an old job still waiting for a retry.
 */
export function batchSingletonKey(key: BatchAttemptKey): string {
  return `${key.runId}:${key.step}:${key.batchNo}:g${key.generation}`;
}

interface BatchRecord extends Record<string, unknown> {
  run_id: string;
  step: string;
  batch_no: number;
  portfolio_ids: string[];
  status: BatchStatus;
  generation: number;
  attempts: number;
  error: string | null;
  details: StepDetails | null;
}

function fromRecord(r: BatchRecord): StepBatch {
  return {
    runId: r.run_id,
    step: r.step,
    batchNo: r.batch_no,
    portfolioIds: r.portfolio_ids,
    status: r.status,
    generation: r.generation,
    attempts: r.attempts,
    error: r.error,
    details: r.details,
  };
}

const columns =
  'run_id, step, batch_no, portfolio_ids, status, generation, attempts, error, details';

/** Every batch of (run, step), by batch number (empty: the step was never planned). */
export async function loadStepBatches(
  db: Database,
  runId: string,
  step: string,
): Promise<StepBatch[]> {
  const rows = await db.query<BatchRecord>(
    `select ${columns} from step_batches where run_id = $1 and step = $2 order by batch_no`,
    [runId, step],
  );
  return rows.map(fromRecord);
}

/** One batch, or null when it does not exist. */
export async function loadStepBatch(db: Database, key: BatchKey): Promise<StepBatch | null> {
  const [row] = await db.query<BatchRecord>(
    `select ${columns} from step_batches where run_id = $1 and step = $2 and batch_no = $3`,
    [key.runId, key.step, key.batchNo],
  );
  return row === undefined ? null : fromRecord(row);
}

/**
 * Records the plan of (run, step): batch i holds `batches[i]`, status queued — all rows in
 * one statement, so a plan is either wholly there or absent. A second call for a step that
 * already has a plan adds nothing (`on conflict do nothing`).
 */
export async function insertStepBatches(
  db: Database,
  runId: string,
  step: string,
  batches: readonly (readonly string[])[],
): Promise<void> {
  if (batches.length === 0) return;
  await db.query(
    `insert into step_batches (run_id, step, batch_no, portfolio_ids, status)
     select $1, $2, b.ordinality - 1, array(select jsonb_array_elements_text(b.ids)), 'queued'
       from jsonb_array_elements($3::jsonb) with ordinality as b(ids, ordinality)
     on conflict do nothing`,
    [runId, step, JSON.stringify(batches)],
  );
}

/**
 * A resumed step sends its unfinished batches again: every batch not done goes (back) to
 * queued with the next generation (max generation of the step + 1), so the jobs, results and
 * dead letters of earlier sendings are stale. Returns the batches to send.
 */
export async function resendUnfinishedBatches(
  db: Database,
  runId: string,
  step: string,
): Promise<number> {
  const rows = await db.query<{ batch_no: number }>(
    `update step_batches set status = 'queued', worker = null, started_at = null,
            finished_at = null, seconds = null,
            generation = (select max(generation) + 1 from step_batches
                           where run_id = $1 and step = $2)
      where run_id = $1 and step = $2 and status <> 'done' returning batch_no`,
    [runId, step],
  );
  return rows.length;
}

/**
 * A worker took the batch: active, one more attempt — only for the row's generation and a
 * batch not done; false when nothing was marked (the job is stale or the batch is done).
 */
export async function markBatchActive(
  db: Database,
  key: BatchAttemptKey,
  worker: string,
  now: Date,
): Promise<boolean> {
  const rows = await db.query<{ batch_no: number }>(
    `update step_batches set status = 'active', worker = $4, started_at = $5, finished_at = null,
            seconds = null, attempts = attempts + 1
      where run_id = $1 and step = $2 and batch_no = $3 and generation = $6 and status <> 'done'
      returning batch_no`,
    [key.runId, key.step, key.batchNo, worker, now.toISOString(), key.generation],
  );
  return rows.length > 0;
}

/**
 * The worker was stopped while running the batch: not a failed attempt — the attempt is
 * taken back and the batch queued again for the next worker (only for the row's generation).
 */
export async function markBatchInterrupted(db: Database, key: BatchAttemptKey): Promise<void> {
  await db.query(
    `update step_batches set status = 'queued', worker = null, started_at = null,
            attempts = greatest(attempts - 1, 0)
      where run_id = $1 and step = $2 and batch_no = $3 and generation = $4 and status = 'active'`,
    [key.runId, key.step, key.batchNo, key.generation],
  );
}

/**
 * The batch's results are written: done, with its share of the step's details (only for the
 * row's generation — a stale job's results are idempotent rewrites, the newer job marks done).
 */
export async function markBatchDone(
  db: Database,
  key: BatchAttemptKey,
  worker: string,
  finished: { readonly at: Date; readonly seconds: number; readonly details: StepDetails },
): Promise<void> {
  await db.query(
    `update step_batches set status = 'done', worker = $4, finished_at = $5, seconds = $6,
            details = $7::jsonb, error = null
      where run_id = $1 and step = $2 and batch_no = $3 and generation = $8 and status <> 'done'`,
    [
      key.runId,
      key.step,
      key.batchNo,
      worker,
      finished.at.toISOString(),
      finished.seconds,
      JSON.stringify(finished.details),
      key.generation,
    ],
  );
}

/**
 * An attempt failed: `failed` when no attempt is left (the coordinator then fails the
 * step), else back to `queued` (pg-boss retries it); the error is kept either way. An attempt
 * of an older generation changes nothing.
 */
export async function markBatchAttemptFailed(
  db: Database,
  key: BatchAttemptKey,
  error: string,
  final: boolean,
  now: Date,
): Promise<void> {
  await db.query(
    `update step_batches set status = $4, error = $5, finished_at = $6
      where run_id = $1 and step = $2 and batch_no = $3 and generation = $7 and status <> 'done'`,
    [
      key.runId,
      key.step,
      key.batchNo,
      final ? 'failed' : 'queued',
      error,
      now.toISOString(),
      key.generation,
    ],
  );
}

/**
 * pg-boss dead-lettered the batch's job (every attempt failed, or expired because its
 * workers died): failed, naming why and the last error a worker recorded. A batch already
 * done, or already failed by its worker (with that attempt's error), is left as it is, and
 * so is a batch sent again since (a dead letter of an older generation).
 */
export async function markBatchDeadLettered(
  db: Database,
  key: BatchAttemptKey,
  why: string,
  now: Date,
): Promise<void> {
  await db.query(
    `update step_batches
        set status = 'failed', finished_at = $5,
            error = $4 || coalesce(' (last recorded error: ' || error || ')', '')
      where run_id = $1 and step = $2 and batch_no = $3 and generation = $6
        and status in ('queued', 'active')`,
    [key.runId, key.step, key.batchNo, why, now.toISOString(), key.generation],
  );
}
