import { WorkerPool, workersFor } from '../workerThreads/workerPool.js';
import { closedLots } from './closedLots.js';
import type { MetricRow } from '../metricRows/flattenMetricRecords.js';
import { tradingLotRows } from './tradingLotRows.js';

/** One portfolio's trading-lot statistics job (plain data, so it can cross to a thread). */
export interface TradingLotsJob {
  readonly ledgerDir: string;
  readonly portfolioId: string;
  readonly asOf: string;
  readonly inception: string;
}

/**
 * The `trading_lots.*` rows ({@link tradingLotRows} of {@link closedLots}) of a batch's
 * portfolios. Loading a ledger is CPU-bound and independent per portfolio: with threads
 * (`workersFor(jobs)`, or `workers` when given) every job starts at once on worker threads
 * (`tradingLotsWorker.ts`) while the caller computes the series and metrics; without
 * (0 = inline), a portfolio's ledger is read only when its rows are asked for, as before.
 * The rows are the same either way (plain numbers and strings cross threads exactly); a
 * job's error surfaces only if its rows are asked for.
 */
export class TradingLots {
  readonly #jobs: ReadonlyMap<string, TradingLotsJob>;
  readonly #started: ReadonlyMap<string, Promise<MetricRow[]>> | null;
  readonly #pool: WorkerPool<TradingLotsJob, MetricRow[]> | null;

  constructor(jobs: readonly TradingLotsJob[], workers: number = workersFor(jobs.length)) {
    this.#jobs = new Map(jobs.map((j) => [j.portfolioId, j]));
    if (workers === 0) {
      this.#pool = null;
      this.#started = null;
      return;
    }
    const pool = new WorkerPool<TradingLotsJob, MetricRow[]>(
      workers,
      new URL('./tradingLotsWorker.js', import.meta.url),
      null,
    );
    this.#pool = pool;
    this.#started = new Map(
      jobs.map((job) => {
        const rows = pool.run(job);
        rows.catch(() => undefined); // awaited (and thrown) only if asked for
        return [job.portfolioId, rows];
      }),
    );
  }

  /** The rows of `portfolioId` (one of the jobs). */
  async rowsOf(portfolioId: string): Promise<MetricRow[]> {
    const started = this.#started?.get(portfolioId);
    if (started !== undefined) return started;
    const job = this.#jobs.get(portfolioId);
    if (job === undefined) throw new Error(`no trading-lots job for ${portfolioId}`);
    return tradingLotRows(
      closedLots(job.ledgerDir, job.portfolioId, job.asOf),
      job.asOf,
      job.inception,
    );
  }

  /** Stops the threads (after the rows were taken). */
  async close(): Promise<void> {
    await this.#pool?.close();
  }
}
