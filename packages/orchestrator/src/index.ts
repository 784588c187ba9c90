/**
 * @truth-spine/orchestrator — the nightly pipeline (docs/PIPELINE.md): the seven steps in
 * their fixed order, run records, dead letters, the single-flight lock, the freshness gate,
 * the books loader and the configuration. The database it runs on is @truth-spine/store.
 */

// pipeline
export {
  criticalStep,
  freshnessPrerequisites,
  isStepName,
  packBuildingStep,
  pipelineSteps,
  skippableStep,
  stepRow,
  stepTable,
  type StepName,
  type StepRow,
} from './pipeline/steps.js';
export type {
  JsonValue,
  RunTrigger,
  StepBodies,
  StepBody,
  StepContext,
  StepDetails,
  StepOutcome,
} from './pipeline/stepBody.js';
export {
  backfill,
  resumeRun,
  runNightly,
  withRunLock,
  type NightlyRequest,
  type PipelineOptions,
  type RunOutcome,
} from './pipeline/runPipeline.js';
export { replayStepDeadLetter } from './pipeline/replayStepDeadLetter.js';
export { catchUpDates, datesToCatchUp } from './pipeline/datesToCatchUp.js';
export type { StepProgress } from './pipeline/executeStep.js';
export { systemClock, type Clock } from './pipeline/clock.js';
export { silentLogger, type PipelineLogger } from './pipeline/logger.js';
export { backoffDelayMs, defaultRetryPolicy, type RetryPolicy } from './pipeline/retryPolicy.js';
export {
  buildRunReport,
  listRunReports,
  loadRunReport,
  type RunReport,
  type StepReport,
} from './pipeline/runReport.js';
export { formatRunSummary } from './pipeline/formatRunSummary.js';
export {
  describeInputChanges,
  inputChangesSince,
  type InputChanges,
  type PortfolioInputChange,
} from './reconciledInputs/inputChanges.js';
export {
  recordOperationalAlert,
  type OperationalAlert,
  type OperationalAlertKind,
} from './pipeline/operationalAlert.js';
export { addDays, assertIsoDate } from './pipeline/isoDate.js';
export {
  InvalidRunDateError,
  RunInProgressError,
  RunNotFoundError,
  StepBodiesError,
  StepContractError,
  StepOrderError,
  StepTimeoutError,
} from './pipeline/pipelineErrors.js';

// dead letters
export {
  DeadLetterAlreadyReplayedError,
  DeadLetterNotFoundError,
  listDeadLetters,
  recordDeadLetter,
  replayDeadLetter,
  type DeadLetter,
  type NewDeadLetter,
} from './deadLetters/deadLetters.js';

// what the store says about the service (read by the runner's /metrics)
export { readStoreHealth, type LastRunOfTrigger, type StoreHealth } from './health/storeHealth.js';

// freshness gate
export {
  getFreshness,
  getLatestFreshPack,
  isLatestPackFresh,
  markPackFresh,
  PackNotReadyError,
  type Freshness,
} from './freshness/freshness.js';

// configuration
export {
  booksDirIsNone,
  bundledDemoDir,
  ConfigError,
  loadConfig,
  loadConfiguration,
  type Configuration,
  type TruthSpineConfig,
} from './config/loadConfig.js';
export { loadSettings, type LoadedSettings, type SettingValues } from './config/loadSettings.js';
export {
  settingCatalog,
  settingSpec,
  type CheckedSettingName,
  type CheckedSettings,
  type CheckedSettingValue,
  type SettingKind,
  type SettingName,
  type SettingSection,
  type SettingSpec,
} from './config/settingCatalog.js';
export { checkedSettings, checkedSettingsOf } from './config/checkedSettings.js';
export { SettingProblem, type SettingType } from './config/settingTypes.js';
export { minimumSecretLength } from './config/secretLength.js';
export { pipelineOptionsFromConfig } from './config/pipelineOptionsFromConfig.js';

// the seven step bodies and what they need
export * from './steps/index.js';
// scale-out of steps 3–5 over pg-boss workers (docs/OPERATIONS.md §10)
export * as distributed from './distributed/index.js';
export {
  portfolioBatchStepBody,
  type BatchRun,
  type PortfolioBatchWork,
} from './pipeline/portfolioBatchWork.js';
