import type { distributed } from '@truth-spine/orchestrator';
import { UsageError } from '../cli/usageError.js';

/** Settings of distributed runs and workers (docs/OPERATIONS.md §10), from the environment. */
export interface WorkerSettings {
  /** DISTRIBUTED=true: `nightly`/`resume` fan steps 3–5 out to workers without `--distributed`. */
  readonly distributed: boolean;
  /** DISTRIBUTED_BATCH_SIZE: portfolios per batch (default 500). */
  readonly batchSize: number;
  /** WORKER_CONCURRENCY: batches one worker process runs at once (default 1). */
  readonly concurrency: number;
  /**
   * WORKER_DRILL_PAUSE_MS: a worker waits this long inside each batch after taking it —
   * only for crash drills (kill -9 a worker mid-batch); 0 (default) in production.
   */
  readonly drillPauseMs: number;
  /** The pg-boss transport settings (DISTRIBUTED_RETRY_LIMIT, …). */
  readonly queue: distributed.BatchQueueSettings;
}

type Env = Readonly<Record<string, string | undefined>>;

function wholeNumber(env: Env, name: string, fallback: number, min: number): number {
  const text = (env[name] ?? '').trim();
  if (text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min) {
    throw new UsageError(`${name} must be a whole number ≥ ${min} (was ${JSON.stringify(text)})`);
  }
  return Number(text);
}

/**
 * Reads DISTRIBUTED (`true`/`false`, default false), DISTRIBUTED_BATCH_SIZE (≥ 1, 500),
 * WORKER_CONCURRENCY (≥ 1, 1), DISTRIBUTED_RETRY_LIMIT (≥ 0, 2),
 * DISTRIBUTED_RETRY_DELAY_SECONDS (≥ 0, 5), DISTRIBUTED_BATCH_EXPIRE_SECONDS (≥ 1, 900: an
 * attempt active longer is taken for a dead worker's and retried elsewhere),
 * DISTRIBUTED_MAINTENANCE_SECONDS (≥ 1, 10), DISTRIBUTED_POLL_SECONDS (≥ 1, 1) and
 * WORKER_DRILL_PAUSE_MS (≥ 0, 0). A bad value is a {@link UsageError} naming the setting.
 */
export function workerSettings(env: Env): WorkerSettings {
  const flag = (env['DISTRIBUTED'] ?? '').trim().toLowerCase();
  if (!['', 'true', 'false'].includes(flag)) {
    throw new UsageError(`DISTRIBUTED must be true or false (was ${JSON.stringify(flag)})`);
  }
  return {
    distributed: flag === 'true',
    batchSize: wholeNumber(env, 'DISTRIBUTED_BATCH_SIZE', 500, 1),
    concurrency: wholeNumber(env, 'WORKER_CONCURRENCY', 1, 1),
    drillPauseMs: wholeNumber(env, 'WORKER_DRILL_PAUSE_MS', 0, 0),
    queue: {
      retryLimit: wholeNumber(env, 'DISTRIBUTED_RETRY_LIMIT', 2, 0),
      retryDelaySeconds: wholeNumber(env, 'DISTRIBUTED_RETRY_DELAY_SECONDS', 5, 0),
      expireInSeconds: wholeNumber(env, 'DISTRIBUTED_BATCH_EXPIRE_SECONDS', 900, 1),
      maintenanceIntervalSeconds: wholeNumber(env, 'DISTRIBUTED_MAINTENANCE_SECONDS', 10, 1),
      pollingIntervalSeconds: wholeNumber(env, 'DISTRIBUTED_POLL_SECONDS', 1, 1),
    },
  };
}
