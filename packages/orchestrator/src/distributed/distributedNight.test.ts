import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadBooks } from '@truth-spine/books';
import { bundledDemoDir } from '../config/loadConfig.js';
import type { Database } from '@truth-spine/store';
import { RunInProgressError } from '../pipeline/pipelineErrors.js';
import type { PortfolioBatchWork } from '../pipeline/portfolioBatchWork.js';
import type { RetryPolicy } from '../pipeline/retryPolicy.js';
import { runNightly, resumeRun, type PipelineOptions } from '../pipeline/runPipeline.js';
import type { RunReport } from '../pipeline/runReport.js';
import { exportPackMetrics } from '../steps/computeDailyMetrics/exportPackMetrics.js';
import { createStepBodies } from '../steps/createStepBodies.js';
import { exportPackFactors } from '../steps/prewarmFactors/exportPackFactors.js';
import { demoDependencies } from '../steps/prewarmRatings/testing/demoPack.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { batchedStepWorks, type BatchedStepWorks } from './batchedSteps.js';
import {
  openBatchQueue,
  STEP_BATCH_DEAD_LETTER_QUEUE,
  type BatchJobData,
  type BatchQueue,
  type BatchQueueSettings,
} from './batchQueue.js';
import { batchCountsOfRun, workerThroughput } from './batchProgress.js';
import { startBatchWorker, type BatchWorker } from './batchWorker.js';
import { DistributedNeedsPostgresError } from './distributedNeedsPostgresError.js';
import { distributedStepBodies } from './distributedStepBodies.js';
import { loadStepBatches } from './stepBatchStore.js';

const D = '2024-03-08';
/** The bundled books hold four portfolios: batch size 1 → four batches per step. */
const PORTFOLIOS = ['P-EUR-GLOBAL', 'P-GBP-UK', 'P-USD-GROWTH', 'P-USD-INCOME'];
const queueSettings: BatchQueueSettings = {
  retryLimit: 1,
  retryDelaySeconds: 1,
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: 1,
};
const noRetry: RetryPolicy = { maxAttempts: 1, initialDelayMs: 0, maxDelayMs: 0, factor: 1 };
const pipeline: PipelineOptions = { retry: noRetry };

/** Every ratings row of a pack, in a fixed order, as text. */
async function ratingsOf(db: Database, packId: string): Promise<string[]> {
  const rows = await db.query<{ t: string }>(
    `select (subject_kind, subject_id, score, reason, coverage, components)::text as t
       from ratings where pack_id = $1 order by subject_kind, subject_id collate "C"`,
    [packId],
  );
  return rows.map((r) => r.t);
}

/** The night's results a distributed run must reproduce exactly: metrics + factors exports, ratings. */
async function resultsOf(db: Database, report: RunReport) {
  const packId = report.pack!.id;
  return {
    metrics: JSON.stringify(await exportPackMetrics(db, packId)),
    factors: JSON.stringify(await exportPackFactors(db, packId)),
    ratings: await ratingsOf(db, packId),
  };
}

/** Step details without the coordinator's own `batches` count. */
function stepDetails(report: RunReport, step: string): unknown {
  const details = report.steps.find((s) => s.name === step)?.details;
  const { batches: _batches, ...rest } = details as Record<string, unknown>;
  return rest;
}

describe('distributed mode on PGlite', () => {
  it('is refused: the embedded store is single-process', async () => {
    const t = await openTestDatabase('pglite');
    try {
      await expect(openBatchQueue(t.db, t.url)).rejects.toThrow(DistributedNeedsPostgresError);
      await expect(openBatchQueue(t.db, t.url)).rejects.toThrow(/need PostgreSQL/);
    } finally {
      await t.dispose();
    }
  }, 120_000);
});

const postgresOnly = testDatabaseKinds().filter((k) => k === 'postgres');

describe.each(postgresOnly)('steps 3–5 fanned out over workers on %s', (kind) => {
  let single: TestDatabase;
  let dist: TestDatabase;
  let coordinatorQueue: BatchQueue;
  let singleReport: RunReport;
  const workers: BatchWorker[] = [];
  const deps = demoDependencies();
  const works = batchedStepWorks(deps);

  async function startWorker(
    id: string,
    stepWorks: BatchedStepWorks,
    beforeBatch?: (batch: { step: string; batchNo: number }) => Promise<void>,
  ): Promise<BatchWorker> {
    const handle = await dist.openAnother({ migrate: false });
    const queue = await openBatchQueue(handle, dist.url, queueSettings);
    const worker = await startBatchWorker({
      db: handle,
      queue,
      works: stepWorks,
      logger: deps.logger,
      workerId: id,
      ...(beforeBatch === undefined ? {} : { beforeBatch }),
    });
    workers.push(worker);
    return worker;
  }

  async function stopWorkers(): Promise<void> {
    for (const w of workers.splice(0)) await w.stop(5_000);
  }

  const distributedBodies = () =>
    distributedStepBodies(createStepBodies(deps), works, coordinatorQueue, {
      batchSize: 1,
      pollMs: 200,
    });

  beforeAll(async () => {
    single = await openTestDatabase(kind);
    dist = await openTestDatabase(kind);
    await loadBooks(single.db, bundledDemoDir);
    await loadBooks(dist.db, bundledDemoDir);
    coordinatorQueue = await openBatchQueue(dist.db, dist.url, queueSettings);
    singleReport = (await runNightly(single.db, createStepBodies(deps), { asOf: D }, pipeline))
      .report;
    expect(singleReport.status).toBe('succeeded');
  }, 600_000);

  // A test that fails half-way must not leave its (e.g. failing) workers to the next one.
  afterEach(stopWorkers, 60_000);

  afterAll(async () => {
    await coordinatorQueue?.stop(5_000);
    await single?.dispose();
    await dist?.dispose();
  }, 120_000);

  it('3 workers complete a night whose metrics, factors and ratings are identical to single-process', async () => {
    for (const id of ['w1', 'w2', 'w3']) await startWorker(id, works);
    const { report } = await runNightly(dist.db, distributedBodies(), { asOf: D }, pipeline);
    expect(report.status).toBe('succeeded');
    expect(report.pack!.hash).toBe(singleReport.pack!.hash);
    expect(await resultsOf(dist.db, report)).toEqual(await resultsOf(single.db, singleReport));
    for (const step of ['compute_daily_metrics', 'prewarm_factors', 'prewarm_ratings']) {
      expect(stepDetails(report, step)).toEqual(stepDetails(singleReport, step));
      const batches = await loadStepBatches(dist.db, report.run_id, step);
      expect(batches.map((b) => b.portfolioIds)).toEqual(PORTFOLIOS.map((p) => [p]));
      expect(batches.every((b) => b.status === 'done' && b.attempts === 1)).toBe(true);
    }
    expect(await batchCountsOfRun(dist.db, report.run_id)).toEqual({
      compute_daily_metrics: { queued: 0, active: 0, done: 4, failed: 0 },
      prewarm_factors: { queued: 0, active: 0, done: 4, failed: 0 },
      prewarm_ratings: { queued: 0, active: 0, done: 4, failed: 0 },
    });
    const throughput = await workerThroughput(dist.db, new Date(0));
    expect(throughput.every((w) => ['w1', 'w2', 'w3'].includes(w.worker))).toBe(true);
    expect(throughput.reduce((n, w) => n + w.batches, 0)).toBe(12);
    expect(throughput.reduce((n, w) => n + w.portfolios, 0)).toBe(12);
  }, 600_000);

  it('a batch dead-lettered in a first run succeeds on resume (old dead letters and nights are stale); only it re-runs', async () => {
    // One long-lived worker for both runs: P-GBP-UK's factor fit fails until `failing` is off.
    let failing = true;
    const factorNightsOpened: number[] = [];
    const flaky: BatchedStepWorks = {
      ...works,
      prewarm_factors: {
        ...works.prewarm_factors,
        openNight: (run) => {
          factorNightsOpened.push(Date.now());
          return works.prewarm_factors.openNight(run);
        },
        runBatch: (night, ids, signal) =>
          failing && ids.includes('P-GBP-UK')
            ? Promise.reject(new Error('injected: factor fit crashed'))
            : works.prewarm_factors.runBatch(night, ids, signal),
      } satisfies PortfolioBatchWork<unknown>,
    };
    let staleDeadLetter: string | null = null;
    await startWorker('long-lived', flaky, async ({ step, batchNo }) => {
      if (failing || step !== 'prewarm_factors' || batchNo !== 1) return;
      // While the resent batch runs, a dead letter of its first sending (generation 0)
      // arrives — as when pg-boss writes it after the worker marked the row failed. The
      // coordinator must drain it without failing the new attempt.
      const key: BatchJobData = { runId: report.run_id, step, batchNo, generation: 0 };
      staleDeadLetter = await coordinatorQueue.boss.send(STEP_BATCH_DEAD_LETTER_QUEUE, key);
      for (let i = 0; i < 100; i++) {
        const job = await coordinatorQueue.boss.getJobById(
          STEP_BATCH_DEAD_LETTER_QUEUE,
          staleDeadLetter!,
        );
        if (job?.state === 'completed') return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the coordinator never drained the stale dead letter');
    });
    const { report } = await runNightly(
      dist.db,
      distributedBodies(),
      { asOf: D, force: true },
      pipeline,
    );
    expect(report.status).toBe('failed');
    expect(report.blocked_at).toBe('prewarm_factors');
    const status = Object.fromEntries(report.steps.map((s) => [s.name, s.status]));
    expect(status).toMatchObject({
      compute_daily_metrics: 'succeeded',
      prewarm_factors: 'failed',
      prewarm_ratings: 'blocked',
      mark_pack_fresh: 'blocked',
      evaluate_alerts: 'blocked',
    });
    const factors = report.steps.find((s) => s.name === 'prewarm_factors')!;
    expect(factors.error).toMatch(/batch 1 \(1 portfolios\) failed after 2 attempt\(s\): injected/);
    const before = await loadStepBatches(dist.db, report.run_id, 'prewarm_factors');
    expect(before.map((b) => b.status)).toEqual(['done', 'failed', 'done', 'done']);
    expect(before[1]!.attempts).toBe(2); // first attempt + retryLimit 1
    expect(before.map((b) => b.generation)).toEqual([0, 0, 0, 0]);
    expect(factorNightsOpened).toHaveLength(1);

    failing = false;
    const resumed = await resumeRun(dist.db, distributedBodies(), report.run_id, pipeline);
    expect(resumed.report.steps.filter((s) => s.error !== null)).toEqual([]);
    expect(resumed.report.status).toBe('succeeded');
    expect(staleDeadLetter).not.toBeNull();
    const after = await loadStepBatches(dist.db, report.run_id, 'prewarm_factors');
    expect(after.map((b) => b.status)).toEqual(['done', 'done', 'done', 'done']);
    // Only the failed batch ran again, sent as generation 1; the done ones kept theirs.
    expect(after.map((b) => b.attempts)).toEqual([1, 3, 1, 1]);
    expect(after.map((b) => b.generation)).toEqual([0, 1, 0, 0]);
    // The worker opened the resumed step's night anew instead of reusing the first run's.
    expect(factorNightsOpened).toHaveLength(2);
    expect(await resultsOf(dist.db, resumed.report)).toEqual(
      await resultsOf(single.db, singleReport),
    );
  }, 600_000);

  it('a worker stopped mid-batch does not count a failed attempt: the next worker runs the batch', async () => {
    let stopped: Promise<void> | null = null;
    const first = await startWorker('stopped', works, async ({ step, batchNo }) => {
      if (stopped !== null || step !== 'compute_daily_metrics' || batchNo !== 0) return;
      stopped = first.stop(10_000);
      // stop() aborts the running batch once pg-boss stopped fetching.
      await new Promise((r) => setTimeout(r, 500));
    });
    const night = runNightly(dist.db, distributedBodies(), { asOf: D, force: true }, pipeline);
    for (let i = 0; stopped === null; i++) {
      if (i > 600) throw new Error('the first worker never took batch 0');
      await new Promise((r) => setTimeout(r, 100));
    }
    await stopped;
    const [run] = await dist.db.query<{ id: string }>(
      `select id from runs where status = 'running'`,
    );
    const interrupted = await loadStepBatches(dist.db, run!.id, 'compute_daily_metrics');
    expect(interrupted[0]).toMatchObject({ status: 'queued', attempts: 0, error: null });
    await startWorker('next', works);
    const { report } = await night;
    expect(report.status).toBe('succeeded');
    const batches = await loadStepBatches(dist.db, report.run_id, 'compute_daily_metrics');
    expect(batches.map((b) => [b.status, b.attempts])).toEqual(PORTFOLIOS.map(() => ['done', 1]));
    expect(await resultsOf(dist.db, report)).toEqual(await resultsOf(single.db, singleReport));
  }, 600_000);

  it('two coordinators at once: one runs, the other is refused by the advisory lock', async () => {
    await startWorker('w1', works);
    const other = await dist.openAnother({ migrate: false });
    const first = runNightly(dist.db, distributedBodies(), { asOf: D, force: true }, pipeline);
    // Wait until the first run holds the lock (its run row is running).
    for (;;) {
      const rows = await other.query(`select 1 from runs where status = 'running'`);
      if (rows.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await expect(
      runNightly(other, distributedBodies(), { asOf: D, force: true }, pipeline),
    ).rejects.toThrow(RunInProgressError);
    const { report } = await first;
    expect(report.steps.filter((s) => s.error !== null)).toEqual([]);
    expect(report.status).toBe('succeeded');
  }, 600_000);
});
