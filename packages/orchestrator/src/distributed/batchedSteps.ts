import type { PortfolioBatchWork } from '../pipeline/portfolioBatchWork.js';
import { computeDailyMetricsWork } from '../steps/computeDailyMetrics/computeDailyMetricsStep.js';
import { prewarmFactorsWork } from '../steps/prewarmFactors/prewarmFactorsStep.js';
import { prewarmRatingsWork } from '../steps/prewarmRatings/prewarmRatingsStep.js';
import type { StepDependencies } from '../steps/stepDependencies.js';
import { batchedSteps, type BatchedStepName } from '../pipeline/steps.js';

/** The steps whose per-portfolio work is fanned out over workers: the `batched` column of the step table. */
export { batchedSteps, type BatchedStepName };

/** The batch work of every batched step (any night type: a worker only passes it through). */
export type BatchedStepWorks = Readonly<Record<BatchedStepName, PortfolioBatchWork<unknown>>>;

/** True when `name` is one of {@link batchedSteps}. */
export function isBatchedStep(name: string): name is BatchedStepName {
  return (batchedSteps as readonly string[]).includes(name);
}

/** The real batch work of steps 3–5, built from the same dependencies as the step bodies. */
export function batchedStepWorks(deps: StepDependencies): BatchedStepWorks {
  return {
    compute_daily_metrics: computeDailyMetricsWork(deps) as PortfolioBatchWork<unknown>,
    prewarm_factors: prewarmFactorsWork(deps) as PortfolioBatchWork<unknown>,
    prewarm_ratings: prewarmRatingsWork(deps) as PortfolioBatchWork<unknown>,
  };
}
