import type { MetricSetInput } from '@truth-spine/finance-core';
import type { PortfolioHistory } from '../valuation/portfolioHistory.js';

/** Night-wide series on the full night calendar (sliced per portfolio from `firstRow`). */
export interface MetricMarketSeries {
  /** Benchmark local-currency returns on the night calendar. */
  readonly benchmark: Float64Array;
  /** Daily risk-free returns on the night calendar. */
  readonly riskFree: Float64Array;
  /** Factor series on the night calendar (empty for the metrics step). */
  readonly factors: readonly Float64Array[];
  readonly factorNames: readonly string[];
}

/**
 * finance-core's input for one portfolio: its own calendar rows (inception row first), the
 * inception value = the first row's value, returns aligned so that row i holds the return
 * into row i (row 0, the inception row, has none), values and end-of-day flows, and
 * zero-copy `subarray` views of the night's benchmark, risk-free and factor series (views
 * of the same arrays, so a shared FactorWindowCache can recognise the windows).
 */
export function metricSetInputFor(
  portfolioId: string,
  history: PortfolioHistory,
  firstRow: number,
  market: MetricMarketSeries,
): MetricSetInput {
  const returns = new Float64Array(history.values.length);
  returns[0] = Number.NaN;
  returns.set(history.returns, 1);
  return {
    portfolio: portfolioId,
    calendar: history.epochDays,
    inceptionDay: history.epochDays[0]!,
    inceptionValue: history.values[0]!,
    returns,
    values: history.values,
    flows: history.externalFlows,
    benchmark: market.benchmark.subarray(firstRow),
    riskFree: market.riskFree.subarray(firstRow),
    factors: market.factors.map((f) => f.subarray(firstRow)),
    factorNames: market.factorNames,
  };
}
