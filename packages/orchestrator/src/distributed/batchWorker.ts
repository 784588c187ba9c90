import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import type { Database } from '@truth-spine/store';
import { systemClock, type Clock } from '../pipeline/clock.js';
import type { PipelineLogger } from '../pipeline/logger.js';
import { isNightUnavailable } from '../pipeline/portfolioBatchWork.js';
import { type BatchJobData, type BatchQueue, STEP_BATCH_QUEUE } from './batchQueue.js';
import { type BatchedStepWorks, isBatchedStep } from './batchedSteps.js';
import {
  type BatchAttemptKey,
  batchSingletonKey,
  loadStepBatch,
  markBatchActive,
  markBatchAttemptFailed,
  markBatchDone,
  markBatchInterrupted,
} from './stepBatchStore.js';

/** How a worker runs; every field but the first four has a default. */
export interface BatchWorkerOptions {
  readonly db: Database;
  readonly queue: BatchQueue;
  readonly works: BatchedStepWorks;
  readonly logger: PipelineLogger;
  /** Batches run at once by this process (default 1; each is one pg-boss work loop). */
  readonly concurrency?: number;
  /** Recorded in step_batches.worker (default `${hostname}:${pid}`). */
  readonly workerId?: string;
  readonly clock?: Clock;
  /**
   * Awaited after a batch is marked active, before its work — a hook for crash drills
   * (`WORKER_DRILL_PAUSE_MS`: kill -9 a worker mid-batch) and tests; absent in production.
   */
  readonly beforeBatch?: (batch: { step: string; batchNo: number }) => Promise<void>;
  /** Told about every batch this worker finished (throughput for /metrics and logs). */
  readonly onBatchDone?: (batch: { step: string; portfolios: number; seconds: number }) => void;
}

/** A started worker; `stop` lets running batches finish (up to `timeoutMs`). */
export interface BatchWorker {
  readonly workerId: string;
  stop(timeoutMs?: number): Promise<void>;
}

/** Nights this process keeps open (one per recent run, step and generation). */
const NIGHTS_KEPT = 6;

/**
 * Consumes batch jobs of steps 3–5: for each job, the step_batches row (a batch already done
 * is acknowledged without work — a duplicate delivery — and so is a job of another generation
 * than the row's: the coordinator sent the batch again since), marked active with this worker
 * and one more attempt, the step's night (opened once per run, step and generation in this
 * process — a resumed step reopens it, as earlier steps may have been re-run), then
 * `runBatch` over the row's portfolio ids — idempotent upserts, so a job retried after a
 * crash rewrites the same rows — and the row marked done with its details and seconds. A
 * failing batch is recorded (`queued` while pg-boss has attempts left, else `failed`) and
 * the error rethrown so pg-boss retries it. A batch interrupted by this worker's own `stop` is
 * no failed attempt: its row goes back to queued, a job for it is sent again and this one
 * acknowledged, so the next worker runs it.
 */
export async function startBatchWorker(options: BatchWorkerOptions): Promise<BatchWorker> {
  const { db, queue, works, logger } = options;
  const clock = options.clock ?? systemClock;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}`;
  const nights = new Map<string, Promise<unknown>>();
  const stopping = new AbortController();

  const nightOf = (attempt: BatchAttemptKey, open: () => Promise<unknown>) => {
    const key = `${attempt.runId}:${attempt.step}:${attempt.generation}`;
    let night = nights.get(key);
    if (night === undefined) {
      night = open();
      nights.set(key, night);
      night.catch(() => nights.delete(key));
      while (nights.size > NIGHTS_KEPT) nights.delete(nights.keys().next().value!);
    }
    return night;
  };

  const handle = async (job: PgBoss.JobWithMetadata<BatchJobData>): Promise<void> => {
    const key: BatchAttemptKey = { ...job.data, generation: job.data.generation ?? 0 };
    const batch = await loadStepBatch(db, key);
    if (batch === null) throw new Error(`no step_batches row for ${JSON.stringify(key)}`);
    if (batch.status === 'done') return;
    if (batch.generation !== key.generation) {
      logger.info({ ...key, current: batch.generation }, 'stale batch job skipped');
      return;
    }
    if (!isBatchedStep(key.step)) throw new Error(`${key.step} is not a batched step`);
    const [run] = await db.query<{ as_of: string; pack_id: string | null }>(
      `select as_of::text as as_of, pack_id from runs where id = $1`,
      [key.runId],
    );
    if (run?.pack_id === null || run?.pack_id === undefined) {
      throw new Error(`run ${key.runId} has no pack`);
    }
    const work = works[key.step];
    const started = clock.now();
    if (!(await markBatchActive(db, key, workerId, started))) return;
    try {
      await options.beforeBatch?.({ step: key.step, batchNo: key.batchNo });
      const night = await nightOf(key, async () => {
        const opened = await work.openNight({
          db,
          runId: key.runId,
          asOf: run.as_of,
          packId: run.pack_id!,
          logger,
        });
        if (isNightUnavailable(opened)) throw new Error(opened.unavailable);
        return opened;
      });
      const details = await work.runBatch(night, batch.portfolioIds, stopping.signal);
      const finished = clock.now();
      const seconds = (finished.getTime() - started.getTime()) / 1000;
      await markBatchDone(db, key, workerId, { at: finished, seconds, details });
      options.onBatchDone?.({ step: key.step, portfolios: batch.portfolioIds.length, seconds });
      logger.info(
        { ...key, worker: workerId, portfolios: batch.portfolioIds.length, seconds },
        'batch done',
      );
    } catch (error) {
      if (stopping.signal.aborted) {
        await markBatchInterrupted(db, key);
        const s = queue.settings;
        await queue.boss.send(STEP_BATCH_QUEUE, key, {
          singletonKey: batchSingletonKey(key),
          retryLimit: s.retryLimit,
          retryDelay: s.retryDelaySeconds,
          expireInSeconds: s.expireInSeconds,
        });
        logger.info({ ...key, worker: workerId }, 'batch interrupted by stop, queued again');
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const final = job.retryCount >= job.retryLimit;
      await markBatchAttemptFailed(db, key, message, final, clock.now());
      logger.error(
        { ...key, worker: workerId, attempt: job.retryCount + 1, final, error: message },
        'batch failed',
      );
      throw error;
    }
  };

  const loops: string[] = [];
  for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
    loops.push(
      await queue.boss.work<BatchJobData>(
        STEP_BATCH_QUEUE,
        {
          batchSize: 1,
          includeMetadata: true,
          pollingIntervalSeconds: queue.settings.pollingIntervalSeconds,
        },
        async (jobs) => {
          for (const job of jobs) await handle(job);
        },
      ),
    );
  }
  logger.info({ worker: workerId, concurrency: loops.length }, 'batch worker started');
  return {
    workerId,
    async stop(timeoutMs = 30_000) {
      for (const id of loops) await queue.boss.offWork({ id });
      stopping.abort();
      await queue.stop(timeoutMs);
    },
  };
}
