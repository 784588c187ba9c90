// Scale-out of steps 3–5 over worker processes with pg-boss (docs/OPERATIONS.md §10).
export {
  batchedStepWorks,
  batchedSteps,
  isBatchedStep,
  type BatchedStepName,
  type BatchedStepWorks,
} from './batchedSteps.js';
export {
  batchQueueSettings,
  openBatchQueue,
  PG_BOSS_SCHEMA,
  STEP_BATCH_DEAD_LETTER_QUEUE,
  STEP_BATCH_QUEUE,
  type BatchJobData,
  type BatchQueue,
  type BatchQueueSettings,
} from './batchQueue.js';
export { coordinatedStepBody, type CoordinatorOptions } from './coordinatedStepBody.js';
export { distributedStepBodies } from './distributedStepBodies.js';
export { startBatchWorker, type BatchWorker, type BatchWorkerOptions } from './batchWorker.js';
export {
  batchCountsOfRun,
  distributedSnapshot,
  workerThroughput,
  type BatchCounts,
  type DistributedSnapshot,
  type WorkerThroughput,
} from './batchProgress.js';
export { DistributedNeedsPostgresError } from './distributedNeedsPostgresError.js';
export { batchSingletonKey, loadStepBatches, type StepBatch } from './stepBatchStore.js';
