import {
  type BatchRun,
  DEFAULT_PORTFOLIO_BATCH_SIZE,
  isNightUnavailable,
  type PortfolioBatchWork,
} from '../pipeline/portfolioBatchWork.js';
import type { StepBody, StepContext, StepDetails, StepOutcome } from '../pipeline/stepBody.js';
import {
  type BatchJobData,
  type BatchQueue,
  STEP_BATCH_DEAD_LETTER_QUEUE,
  STEP_BATCH_QUEUE,
} from './batchQueue.js';
import {
  batchSingletonKey,
  insertStepBatches,
  loadStepBatches,
  markBatchDeadLettered,
  resendUnfinishedBatches,
  type StepBatch,
} from './stepBatchStore.js';

/** How the coordinator splits and waits; every field has a default. */
export interface CoordinatorOptions {
  /** Portfolios per batch (default 500). */
  readonly batchSize?: number;
  /** How often step_batches is read while waiting (default 500 ms). */
  readonly pollMs?: number;
}

/**
 * The body of a batched step in a distributed run: the engine still runs it in its fixed
 * place, so order, retries and blocking are unchanged. It
 * 1. opens the night (a night the step cannot run fails the step, as single-process);
 * 2. plans once: `begin`, then every batch of `listPortfolios` as a queued step_batches row
 *    (a resumed step keeps its plan: it first drains the dead letters, then puts every batch
 *    not done back to queued with the next generation, so earlier jobs, results and dead
 *    letters are stale and ignored);
 * 3. sends one pg-boss job per batch not done, carrying its generation, singleton key
 *    `${run}:${step}:${batch}:g${generation}` on the stately queue (a re-send is dropped);
 * 4. waits until every batch is done — batches whose jobs pg-boss dead-lettered (every
 *    attempt failed or expired) are marked failed, and any failed batch fails the step
 *    (`failed` is a verdict: the engine blocks the steps after it);
 * 5. `finish` with the batches' details in batch order → the same details as single-process,
 *    plus `batches`.
 */
export function coordinatedStepBody<Night>(
  work: PortfolioBatchWork<Night>,
  queue: BatchQueue,
  options: CoordinatorOptions = {},
): StepBody {
  const batchSize = options.batchSize ?? DEFAULT_PORTFOLIO_BATCH_SIZE;
  const pollMs = options.pollMs ?? 500;
  return async (ctx) => {
    if (ctx.packId === null) return { status: 'failed', error: `${work.step} needs a pack` };
    const run: BatchRun = {
      db: ctx.db,
      runId: ctx.runId,
      asOf: ctx.asOf,
      packId: ctx.packId,
      logger: ctx.logger,
    };
    const night = await work.openNight(run);
    if (isNightUnavailable(night)) return { status: 'failed', error: night.unavailable };
    let batches = await loadStepBatches(ctx.db, ctx.runId, work.step);
    if (batches.length === 0) {
      await work.begin(run);
      const plan: (readonly string[])[] = [];
      for await (const ids of work.listPortfolios(run, batchSize)) plan.push(ids);
      await insertStepBatches(ctx.db, ctx.runId, work.step, plan);
    } else {
      await drainDeadLetters(ctx, queue);
      const resent = await resendUnfinishedBatches(ctx.db, ctx.runId, work.step);
      ctx.logger.info(
        { step: work.step, runId: ctx.runId, batches: batches.length, resent },
        'resuming the step’s batches',
      );
    }
    batches = await loadStepBatches(ctx.db, ctx.runId, work.step);
    await enqueue(queue, batches);
    ctx.logger.info(
      { step: work.step, runId: ctx.runId, batches: batches.length },
      'batches enqueued',
    );
    const waited = await waitForBatches(ctx, queue, work.step, pollMs);
    if ('failed' in waited) return waited.failed;
    const done = waited.done;
    const details: StepDetails = {
      ...(await work.finish(
        night,
        done.map((b) => b.details ?? {}),
      )),
      batches: done.length,
    };
    return { status: 'succeeded', details };
  };
}

async function enqueue(queue: BatchQueue, batches: readonly StepBatch[]): Promise<void> {
  const s = queue.settings;
  for (const batch of batches) {
    if (batch.status === 'done') continue;
    const data: BatchJobData = {
      runId: batch.runId,
      step: batch.step,
      batchNo: batch.batchNo,
      generation: batch.generation,
    };
    await queue.boss.send(STEP_BATCH_QUEUE, data, {
      singletonKey: batchSingletonKey(batch),
      retryLimit: s.retryLimit,
      retryDelay: s.retryDelaySeconds,
      expireInSeconds: s.expireInSeconds,
    });
  }
}

async function waitForBatches(
  ctx: StepContext,
  queue: BatchQueue,
  step: string,
  pollMs: number,
): Promise<{ readonly done: readonly StepBatch[] } | { readonly failed: StepOutcome }> {
  for (;;) {
    ctx.signal.throwIfAborted();
    await drainDeadLetters(ctx, queue);
    const batches = await loadStepBatches(ctx.db, ctx.runId, step);
    const failed = batches.filter((b) => b.status === 'failed');
    if (failed.length > 0) {
      const failedOutcome: StepOutcome = {
        status: 'failed',
        error: failed
          .map(
            (b) =>
              `batch ${b.batchNo} (${b.portfolioIds.length} portfolios) failed after ${b.attempts} attempt(s): ${b.error ?? 'unknown error'}`,
          )
          .join('; '),
        details: {
          batches: batches.length,
          failed_batches: failed.map((b) => b.batchNo),
          failed_portfolios: failed.flatMap((b) => [...b.portfolioIds]),
        },
      };
      return { failed: failedOutcome };
    }
    if (batches.every((b) => b.status === 'done')) return { done: batches };
    await sleep(pollMs, ctx.signal);
  }
}

/**
 * Marks failed every batch whose job pg-boss dead-lettered (all attempts failed or expired —
 * e.g. every worker that took it was killed), whichever run it belongs to, and acknowledges
 * the dead letter. A batch already done stays done; a dead letter of an older generation than
 * the row's (the batch was sent again since) changes nothing.
 */
async function drainDeadLetters(ctx: StepContext, queue: BatchQueue): Promise<void> {
  for (;;) {
    const jobs = await queue.boss.fetch<BatchJobData>(STEP_BATCH_DEAD_LETTER_QUEUE, {
      batchSize: 50,
      includeMetadata: true,
    });
    if (jobs.length === 0) return;
    for (const job of jobs) {
      const output = (job as { output?: { value?: { message?: string } } }).output;
      await markBatchDeadLettered(
        ctx.db,
        { ...job.data, generation: job.data.generation ?? 0 },
        `every attempt failed or expired: ${output?.value?.message ?? 'pg-boss dead letter'}`,
        ctx.clock.now(),
      );
    }
    await queue.boss.complete(
      STEP_BATCH_DEAD_LETTER_QUEUE,
      jobs.map((j) => j.id),
    );
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
