import type { Database } from '@truth-spine/store';
import type { PipelineLogger } from './logger.js';
import type { StepBody, StepDetails } from './stepBody.js';
import type { StepName } from './steps.js';

/** The run a batched step works for: what a worker needs to run one of its batches. */
export interface BatchRun {
  readonly db: Database;
  readonly runId: string;
  /** The as-of date D, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** The run's pack (built by build_pack). */
  readonly packId: string;
  readonly logger: PipelineLogger;
}

/** Why a step cannot run for this night at all (becomes the step's `failed` outcome). */
export interface NightUnavailable {
  readonly unavailable: string;
}

/**
 * A pipeline step whose per-portfolio work is split into batches of explicit portfolio ids
 * (steps 3–5). Contract:
 * - `begin` runs once per step of a run, before its first batch (e.g. clears rows a re-run
 *   replaces wholesale); never again when the step's batches are resumed.
 * - `listPortfolios` yields the ids the step covers, ascending, in batches of ≤ `batchSize`.
 * - `openNight` reads the inputs every batch shares (calendar, market history, the pack's
 *   quotes); any process may open it, as often as it likes (it writes nothing).
 * - `runBatch` computes and writes the results of exactly `portfolioIds`, in one
 *   transaction of idempotent upserts keyed by (pack, portfolio, …): running a batch twice,
 *   or in another process, leaves the same rows. It returns the batch's share of the
 *   step's details (JSON, to be merged by `finish`).
 * - `finish` runs once after every batch succeeded, with their partial details in batch
 *   order; it writes the per-night rows (if any) and returns the step's details.
 */
export interface PortfolioBatchWork<Night> {
  readonly step: StepName;
  begin(run: BatchRun): Promise<void>;
  listPortfolios(run: BatchRun, batchSize: number): AsyncGenerator<readonly string[]>;
  openNight(run: BatchRun): Promise<Night | NightUnavailable>;
  runBatch(
    night: Night,
    portfolioIds: readonly string[],
    signal: AbortSignal,
  ): Promise<StepDetails>;
  finish(night: Night, partials: readonly StepDetails[]): Promise<StepDetails>;
}

/** Portfolios per batch when none is configured, for every batched read and step: bounded memory whatever the count. */
export const DEFAULT_PORTFOLIO_BATCH_SIZE = 500;

/** True when `openNight` said the step cannot run. */
export function isNightUnavailable(value: unknown): value is NightUnavailable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { unavailable?: unknown }).unavailable === 'string'
  );
}

/**
 * The single-process body of a batched step: begin, every batch in order in this process,
 * finish. A run without a pack fails (`<step> needs a pack`).
 */
export function portfolioBatchStepBody<Night>(
  work: PortfolioBatchWork<Night>,
  batchSize: number = DEFAULT_PORTFOLIO_BATCH_SIZE,
): StepBody {
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
    await work.begin(run);
    const partials: StepDetails[] = [];
    for await (const ids of work.listPortfolios(run, batchSize)) {
      ctx.signal.throwIfAborted();
      partials.push(await work.runBatch(night, ids, ctx.signal));
    }
    return { status: 'succeeded', details: await work.finish(night, partials) };
  };
}
