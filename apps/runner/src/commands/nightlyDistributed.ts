import { distributed, type StepBodies } from '@truth-spine/orchestrator';
import { UsageError } from '../cli/usageError.js';
import type { Runtime } from '../runtime/openRuntime.js';
import type { WorkerSettings } from './workerSettings.js';

/** What a coordinator needs of the runtime. */
export type CoordinatorRuntime = Pick<Runtime, 'db' | 'config' | 'deps' | 'bodies'>;

/**
 * pg-boss on the runtime's PostgreSQL for a coordinator (`nightly`/`resume`/`serve` with
 * distributed steps); on the embedded PGlite store a {@link UsageError} (exit 64): only
 * PostgreSQL is shared by processes.
 */
export async function openCoordinatorQueue(
  runtime: CoordinatorRuntime,
  settings: WorkerSettings,
): Promise<distributed.BatchQueue> {
  try {
    return await distributed.openBatchQueue(runtime.db, runtime.config.databaseUrl, settings.queue);
  } catch (error) {
    if (error instanceof distributed.DistributedNeedsPostgresError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

/** The runtime's step bodies with steps 3–5 replaced by their coordinators on `queue`. */
export function coordinatorBodies(
  runtime: CoordinatorRuntime,
  queue: distributed.BatchQueue,
  settings: WorkerSettings,
): StepBodies {
  return distributed.distributedStepBodies(
    runtime.bodies,
    distributed.batchedStepWorks(runtime.deps),
    queue,
    { batchSize: settings.batchSize },
  );
}

/**
 * Runs `work` with the runtime's step bodies — or, when `enabled`, with the coordinators of
 * steps 3–5 ({@link coordinatorBodies}) on a queue opened for the call and stopped after it.
 */
export async function withStepBodies<T>(
  runtime: CoordinatorRuntime,
  enabled: boolean,
  settings: WorkerSettings,
  work: (bodies: StepBodies) => Promise<T>,
): Promise<T> {
  if (!enabled) return work(runtime.bodies);
  const queue = await openCoordinatorQueue(runtime, settings);
  try {
    return await work(coordinatorBodies(runtime, queue, settings));
  } finally {
    await queue.stop(5_000);
  }
}
