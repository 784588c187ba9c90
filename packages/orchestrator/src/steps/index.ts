// Step bodies and what they need: build_pack, reconcile_ledger, mark_pack_fresh, history.
export type { StepDependencies } from './stepDependencies.js';
export { createStepBodies } from './createStepBodies.js';
export { buildPackDefaults, buildPackStep } from './buildPack/buildPackStep.js';
export { reconcileLedgerStep } from './reconcileLedger/reconcileLedgerStep.js';
export { markPackFreshStep } from './markPackFresh/markPackFreshStep.js';
export { packIdOf, storePack, type StoredPack } from './buildPack/storePack.js';
export {
  closeInCsv,
  demoCopy,
  withClose,
  withoutTransaction,
  type DemoCopy,
} from './buildPack/testing/demoCopy.js';
export {
  fillMarketHistory,
  type HistoryFill,
  type HistoryRequest,
} from './marketHistory/fillMarketHistory.js';
// history readers, valuation, compute_daily_metrics, prewarm_factors
export * from './history/index.js';
export { computeDailyMetricsStep } from './computeDailyMetrics/computeDailyMetricsStep.js';
export { prewarmFactorsStep } from './prewarmFactors/prewarmFactorsStep.js';
export { readReturnSeries, type StoredReturnSeries } from './valuation/readReturnSeries.js';
export { portfolioHistory, type PortfolioHistory } from './valuation/portfolioHistory.js';
export {
  exportedMetric,
  exportPackMetrics,
  type ExportedMetric,
  type PackMetricsExport,
} from './computeDailyMetrics/exportPackMetrics.js';
export {
  exportedExposure,
  exportPackFactors,
  type ExportedExposure,
  type PackFactorsExport,
} from './prewarmFactors/exportPackFactors.js';
export { readMetricSets } from './metricSets/readMetricSets.js';
export type { PortfolioMetricRows } from './metricSets/upsertMetricSets.js';
export { readFactorSets, type PortfolioFactorSet } from './prewarmFactors/readFactorSets.js';
export {
  exportPackRatings,
  ratingOutput,
  type PackRatings,
  type RatingOutput,
} from './prewarmRatings/exportPackRatings.js';
// prewarm_ratings, evaluate_alerts, operational delivery (the alerts themselves: @truth-spine/alerts)
export { prewarmRatingsStep } from './prewarmRatings/prewarmRatingsStep.js';
export { evaluateAlertsStep } from './evaluateAlerts/evaluateAlertsStep.js';
export {
  deliverOperationalAlerts,
  type OperationalDelivery,
} from './evaluateAlerts/deliverOperationalAlerts.js';
export {
  alertSettingsFrom,
  readAlertSettings,
  type AlertSettingName,
  type AlertSettings,
} from '../config/alertSettings/alertSettings.js';
export { AlertSettingsError } from '../config/alertSettings/alertSettingsError.js';
export { configureChannels } from '../config/alertSettings/configureChannels.js';
