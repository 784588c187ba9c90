import { distributed, type StepBodies } from '@truth-spine/orchestrator';
import { UsageError } from '../cli/usageError.js';
import type { Runtime } from '../runtime/openRuntime.js';
import type { WorkerSettings } from './workerSettings.js';

/**
 * Runs `work` with the runtime's step bodies — or, when `enabled`, with steps 3–5 replaced by
 * their coordinators (`distributed.distributedStepBodies`) on a pg-boss queue of the
 * runtime's PostgreSQL, stopped afterwards. Distributed on the embedded PGlite store is a
 * {@link UsageError} (exit 64): only PostgreSQL is shared by processes.
 */
export async function withStepBodies<T>(
  runtime: Runtime,
  enabled: boolean,
  settings: WorkerSettings,
  work: (bodies: StepBodies) => Promise<T>,
): Promise<T> {
  if (!enabled) return work(runtime.bodies);
  let queue: distributed.BatchQueue;
  try {
    queue = await distributed.openBatchQueue(
      runtime.db,
      runtime.config.databaseUrl,
      settings.queue,
    );
  } catch (error) {
    if (error instanceof distributed.DistributedNeedsPostgresError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
  try {
    const bodies = distributed.distributedStepBodies(
      runtime.bodies,
      distributed.batchedStepWorks(runtime.deps),
      queue,
      { batchSize: settings.batchSize },
    );
    return await work(bodies);
  } finally {
    await queue.stop(5_000);
  }
}
