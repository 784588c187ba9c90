import type { Database } from '@truth-spine/store';
import type { JsonObject, JsonValue } from '@truth-spine/store';
import type { Clock } from './clock.js';
import type { PipelineLogger } from './logger.js';
import type { StepName } from './steps.js';

/** JSON a step reports about itself (counts, hashes); stored in run_steps.details. */
export type StepDetails = JsonObject;
export type { JsonValue };

/** How a run was started. */
export type RunTrigger = 'cron' | 'manual' | 'backfill';

/** Everything a step body may use; the explicit inputs of one step of one run. */
export interface StepContext {
  readonly runId: string;
  /** The as-of date D, `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly trigger: RunTrigger;
  readonly step: StepName;
  /** The pack built by build_pack of this run (null only while build_pack runs). */
  readonly packId: string | null;
  /** 1 on the first attempt, 2 on the first retry, … */
  readonly attempt: number;
  /** Aborted on the step's timeout or when the run is cancelled: honour it. */
  readonly signal: AbortSignal;
  readonly db: Database;
  readonly logger: PipelineLogger;
  readonly clock: Clock;
  /** The details reported by the steps that already succeeded in this run. */
  readonly outputs: Readonly<Partial<Record<StepName, StepDetails>>>;
}

/**
 * What a step reports. Throwing means "maybe transient": non-critical steps are retried.
 * `failed` is a verdict (e.g. ledger breaks): recorded at once, never retried.
 * `skipped` is allowed only from build_pack on a non-trading day (the run is skipped).
 * build_pack must report `packId` when it succeeds.
 */
export type StepOutcome =
  | { readonly status: 'succeeded'; readonly details?: StepDetails; readonly packId?: string }
  | { readonly status: 'skipped'; readonly reason: string; readonly details?: StepDetails }
  | { readonly status: 'failed'; readonly error: string; readonly details?: StepDetails };

/** One step's work. */
export type StepBody = (ctx: StepContext) => Promise<StepOutcome>;

/** A body for every step — all seven are required, so none can be left out. */
export type StepBodies = Readonly<Record<StepName, StepBody>>;
