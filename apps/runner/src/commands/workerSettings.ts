import type { CheckedSettings, distributed } from '@truth-spine/orchestrator';

/** Settings of distributed runs and workers (docs/OPERATIONS.md §10). */
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

/** The worker settings' names, as the setting catalog checks them. */
export type WorkerSettingName =
  | 'DISTRIBUTED'
  | 'DISTRIBUTED_BATCH_SIZE'
  | 'WORKER_CONCURRENCY'
  | 'WORKER_DRILL_PAUSE_MS'
  | 'DISTRIBUTED_RETRY_LIMIT'
  | 'DISTRIBUTED_RETRY_DELAY_SECONDS'
  | 'DISTRIBUTED_BATCH_EXPIRE_SECONDS'
  | 'DISTRIBUTED_MAINTENANCE_SECONDS'
  | 'DISTRIBUTED_POLL_SECONDS';

/**
 * {@link WorkerSettings} from the checked settings. The setting catalog validates each and
 * holds its default: DISTRIBUTED (`true`/`false`, false), DISTRIBUTED_BATCH_SIZE (≥ 1, 500),
 * WORKER_CONCURRENCY (≥ 1, 1), DISTRIBUTED_RETRY_LIMIT (≥ 0, 2),
 * DISTRIBUTED_RETRY_DELAY_SECONDS (≥ 0, 5), DISTRIBUTED_BATCH_EXPIRE_SECONDS (≥ 1, 900: an
 * attempt active longer is taken for a dead worker's and retried elsewhere),
 * DISTRIBUTED_MAINTENANCE_SECONDS (≥ 1, 10), DISTRIBUTED_POLL_SECONDS (≥ 1, 1) and
 * WORKER_DRILL_PAUSE_MS (≥ 0, 0).
 */
export function workerSettings(settings: Pick<CheckedSettings, WorkerSettingName>): WorkerSettings {
  return {
    distributed: settings.DISTRIBUTED,
    batchSize: settings.DISTRIBUTED_BATCH_SIZE,
    concurrency: settings.WORKER_CONCURRENCY,
    drillPauseMs: settings.WORKER_DRILL_PAUSE_MS,
    queue: {
      retryLimit: settings.DISTRIBUTED_RETRY_LIMIT,
      retryDelaySeconds: settings.DISTRIBUTED_RETRY_DELAY_SECONDS,
      expireInSeconds: settings.DISTRIBUTED_BATCH_EXPIRE_SECONDS,
      maintenanceIntervalSeconds: settings.DISTRIBUTED_MAINTENANCE_SECONDS,
      pollingIntervalSeconds: settings.DISTRIBUTED_POLL_SECONDS,
    },
  };
}
