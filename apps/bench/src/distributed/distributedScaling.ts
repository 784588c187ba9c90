import {
  createStepBodies,
  distributed,
  pipelineOptionsFromConfig,
  runNightly,
  silentLogger,
  type RunReport,
  type StepBodies,
} from '@truth-spine/orchestrator';
import { type Database } from '@truth-spine/store';
import { openBenchDatabase } from '../scale/benchDatabase.js';
import { cachedScaleDataSet, type ScaleDataSet } from '../scale/generateScaleDataSet.js';
import { loadScaleBooks } from '../scale/loadScaleBooks.js';
import { scaleStepDependencies } from '../scale/scaleNight.js';
import type { ScaleParams } from '../scale/scaleParams.js';
import { startWorkerProcesses } from './workerProcesses.js';

/** How {@link distributedScaling} runs. */
export interface DistributedScalingOptions {
  /** A postgres:// URL: a fresh database is created on that server and dropped after. */
  readonly database: string;
  /** The worker counts to measure, e.g. [1, 2, 3]. */
  readonly workers: readonly number[];
  /** Portfolios per batch. */
  readonly batchSize: number;
  readonly cacheRoot: string;
}

/** Steps 3–5 of night D with K workers (K = 0: single-process, the baseline). */
export interface DistributedMeasurement {
  readonly workers: number;
  readonly status: string;
  /** Wall seconds of compute_daily_metrics + prewarm_factors + prewarm_ratings. */
  readonly stepsSeconds: number;
  readonly perStep: Readonly<Record<string, number>>;
  /** Portfolios per second through the three steps (N ÷ stepsSeconds). */
  readonly portfoliosPerSecond: number;
  /** Batches of the three steps (0 single-process). */
  readonly batches: number;
  /** Σ of the batches' own seconds (worker time inside runBatch, night opening included). */
  readonly batchSeconds: number;
  /**
   * Worker time not spent in batches, per batch: (K × stepsSeconds − batchSeconds) ÷ batches
   * — queue latency, polling, the coordinator's planning and finish (null single-process).
   */
  readonly overheadSecondsPerBatch: number | null;
}

/** The result of a distributed bench run. */
export interface DistributedScalingResult {
  readonly params: ScaleParams;
  readonly batchSize: number;
  readonly asOf: string;
  readonly loadSeconds: number;
  readonly measurements: readonly DistributedMeasurement[];
}

const batchedStepNames = ['compute_daily_metrics', 'prewarm_factors', 'prewarm_ratings'];

/**
 * Generates (or reuses) the data set of `params`, loads it into a fresh PostgreSQL database,
 * runs night D − 1 and night D single-process (the baseline, K = 0), then night D again
 * (`force`) for each K of `options.workers` with K local `runner worker` processes and this
 * process as coordinator, and measures steps 3–5: wall seconds, throughput, the batches'
 * own seconds and the coordination overhead per batch. The database is dropped afterwards.
 */
export async function distributedScaling(
  params: ScaleParams,
  options: DistributedScalingOptions,
): Promise<DistributedScalingResult> {
  const set = cachedScaleDataSet(params, options.cacheRoot);
  const bench = await openBenchDatabase(options.database);
  try {
    const [current] = await bench.db.query<{ name: string }>(`select current_database() as name`);
    const url = new URL(options.database);
    url.pathname = `/${current!.name}`;
    const load = await loadScaleBooks(bench.db, set.booksDir);
    const deps = scaleStepDependencies(set);
    const bodies = createStepBodies(deps);
    await night(bench.db, bodies, set, set.previousDay, false);
    const measurements: DistributedMeasurement[] = [
      await measure(
        bench.db,
        params.portfolios,
        0,
        await night(bench.db, bodies, set, set.lastDay, true),
      ),
    ];
    for (const k of options.workers) {
      const workers = await startWorkerProcesses(k, {
        DATABASE_URL: url.toString(),
        BOOKS_DIR: set.booksDir,
        LEDGER_DIR: set.ledgerDir,
        OFFLINE_DATA_DIR: set.marketDir,
        CALENDAR_SYMBOL: 'SPY',
        DISTRIBUTED_POLL_SECONDS: '1',
      });
      const queue = await distributed.openBatchQueue(bench.db, url.toString(), {
        pollingIntervalSeconds: 1,
      });
      try {
        const coordinated = distributed.distributedStepBodies(
          bodies,
          distributed.batchedStepWorks(deps),
          queue,
          { batchSize: options.batchSize, pollMs: 100 },
        );
        const report = await night(bench.db, coordinated, set, set.lastDay, true);
        measurements.push(await measure(bench.db, params.portfolios, k, report));
      } finally {
        await queue.stop(5_000);
        await workers.stop();
      }
    }
    return {
      params,
      batchSize: options.batchSize,
      asOf: set.lastDay,
      loadSeconds: load.seconds,
      measurements,
    };
  } finally {
    await bench.dispose();
  }
}

async function night(
  db: Database,
  bodies: StepBodies,
  set: ScaleDataSet,
  asOf: string,
  force: boolean,
): Promise<RunReport> {
  const config = scaleStepDependencies(set).config;
  const { report } = await runNightly(
    db,
    bodies,
    { asOf, trigger: 'manual', force },
    { ...pipelineOptionsFromConfig(config), logger: silentLogger },
  );
  return report;
}

async function measure(
  db: Database,
  portfolios: number,
  workers: number,
  report: RunReport,
): Promise<DistributedMeasurement> {
  const perStep: Record<string, number> = {};
  for (const s of report.steps) {
    if (batchedStepNames.includes(s.name)) perStep[s.name] = s.seconds ?? 0;
  }
  const stepsSeconds = Object.values(perStep).reduce((a, b) => a + b, 0);
  const [batches] = await db.query<{ n: number; seconds: number | null }>(
    `select count(*)::int as n, sum(seconds) as seconds from step_batches where run_id = $1`,
    [report.run_id],
  );
  const n = batches?.n ?? 0;
  const batchSeconds = Number(batches?.seconds ?? 0);
  return {
    workers,
    status: report.status,
    stepsSeconds,
    perStep,
    portfoliosPerSecond: portfolios / stepsSeconds,
    batches: n,
    batchSeconds,
    overheadSecondsPerBatch: n === 0 ? null : (workers * stepsSeconds - batchSeconds) / n,
  };
}
