import type { StepBodies } from '../pipeline/stepBody.js';
import { batchedSteps, type BatchedStepWorks } from './batchedSteps.js';
import type { BatchQueue } from './batchQueue.js';
import { coordinatedStepBody, type CoordinatorOptions } from './coordinatedStepBody.js';

/**
 * `bodies` with steps 3–5 replaced by their coordinators (batches run by workers through
 * `queue`); the other four steps run in this process as before.
 */
export function distributedStepBodies(
  bodies: StepBodies,
  works: BatchedStepWorks,
  queue: BatchQueue,
  options: CoordinatorOptions = {},
): StepBodies {
  const replaced = { ...bodies };
  for (const step of batchedSteps) {
    replaced[step] = coordinatedStepBody(works[step], queue, options);
  }
  return replaced;
}
