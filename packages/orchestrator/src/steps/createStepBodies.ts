import type { StepBodies } from '../pipeline/stepBody.js';
import { buildPackStep } from './buildPack/buildPackStep.js';
import { computeDailyMetricsStep } from './computeDailyMetrics/computeDailyMetricsStep.js';
import { evaluateAlertsStep } from './evaluateAlerts/evaluateAlertsStep.js';
import { markPackFreshStep } from './markPackFresh/markPackFreshStep.js';
import { prewarmFactorsStep } from './prewarmFactors/prewarmFactorsStep.js';
import { prewarmRatingsStep } from './prewarmRatings/prewarmRatingsStep.js';
import { reconcileLedgerStep } from './reconcileLedger/reconcileLedgerStep.js';
import type { StepDependencies } from './stepDependencies.js';

/** The seven real step bodies (docs/PIPELINE.md), each built from the same dependencies. */
export function createStepBodies(deps: StepDependencies): StepBodies {
  return {
    build_pack: buildPackStep(deps),
    reconcile_ledger: reconcileLedgerStep(deps),
    compute_daily_metrics: computeDailyMetricsStep(deps),
    prewarm_factors: prewarmFactorsStep(deps),
    prewarm_ratings: prewarmRatingsStep(deps),
    mark_pack_fresh: markPackFreshStep(deps),
    evaluate_alerts: evaluateAlertsStep(deps),
  };
}
