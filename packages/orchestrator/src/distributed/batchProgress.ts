import type { Database } from '@truth-spine/store';
import { batchStatuses, type BatchStatus } from '@truth-spine/store/schema';

/** Batches of one step of a run by status. */
export type BatchCounts = Readonly<Record<BatchStatus, number>>;

/** What one worker did over the window. */
export interface WorkerThroughput {
  readonly worker: string;
  readonly batches: number;
  readonly portfolios: number;
  /** Σ seconds the worker spent in its done batches. */
  readonly seconds: number;
  /** portfolios ÷ seconds (null when no time was measured). */
  readonly portfoliosPerSecond: number | null;
  readonly lastFinishedAt: string | null;
}

/** Per-step batch counts of `runId` (steps without batches are absent). */
export async function batchCountsOfRun(
  db: Database,
  runId: string,
): Promise<Record<string, BatchCounts>> {
  const rows = await db.query<{ step: string; status: BatchStatus; n: number }>(
    `select step, status, count(*)::int as n from step_batches where run_id = $1
      group by step, status order by step, status`,
    [runId],
  );
  const counts: Record<string, Record<BatchStatus, number>> = {};
  for (const r of rows) {
    counts[r.step] ??= Object.fromEntries(batchStatuses.map((s) => [s, 0])) as Record<
      BatchStatus,
      number
    >;
    counts[r.step]![r.status] = r.n;
  }
  return counts;
}

/**
 * Every worker's done batches finished at or after `since`: count, portfolios, seconds and
 * portfolios per second — by worker id, ascending.
 */
export async function workerThroughput(db: Database, since: Date): Promise<WorkerThroughput[]> {
  const rows = await db.query<{
    worker: string;
    batches: number;
    portfolios: number;
    seconds: number | null;
    last: string | null;
  }>(
    `select worker, count(*)::int as batches,
            coalesce(sum(cardinality(portfolio_ids)), 0)::int as portfolios,
            sum(seconds) as seconds, max(finished_at)::text as last
       from step_batches
      where status = 'done' and worker is not null and finished_at >= $1
      group by worker order by worker`,
    [since.toISOString()],
  );
  return rows.map((r) => {
    const seconds = Number(r.seconds ?? 0);
    return {
      worker: r.worker,
      batches: r.batches,
      portfolios: r.portfolios,
      seconds,
      portfoliosPerSecond: seconds > 0 ? r.portfolios / seconds : null,
      lastFinishedAt: r.last,
    };
  });
}

/** What `status --json` and `/metrics` show of distributed runs. */
export interface DistributedSnapshot {
  /** The newest run (by start) that has batches, or null. */
  readonly run_id: string | null;
  /** Its batches per step by status. */
  readonly steps: Record<string, BatchCounts>;
  /** Every worker's done batches over the window. */
  readonly workers: readonly WorkerThroughput[];
}

/**
 * The batch counts of the newest distributed run and the workers' throughput over the
 * `windowHours` (default 24) before `now`.
 */
export async function distributedSnapshot(
  db: Database,
  now: Date,
  windowHours = 24,
): Promise<DistributedSnapshot> {
  const [latest] = await db.query<{ run_id: string }>(
    `select r.id as run_id from runs r
      where exists (select 1 from step_batches b where b.run_id = r.id)
      order by r.started_at desc limit 1`,
  );
  const runId = latest?.run_id ?? null;
  return {
    run_id: runId,
    steps: runId === null ? {} : await batchCountsOfRun(db, runId),
    workers: await workerThroughput(db, new Date(now.getTime() - windowHours * 3_600_000)),
  };
}
