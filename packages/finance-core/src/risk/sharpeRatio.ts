import { Reason, undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';
import { sampleMoments } from '../statistics/sampleMoments.js';
import { TRADING_DAYS_PER_YEAR } from './annualizationFactor.js';

/** Smallest daily deviation of excess returns for which a Sharpe ratio is defined. */
export const MIN_EXCESS_STD = 1e-14;

/** A Sharpe ratio with the daily moments it comes from. */
export interface SharpeRatio {
  readonly value: number;
  readonly meanExcessDaily: number;
  readonly stdExcessDaily: number;
  readonly nObs: number;
}

/**
 * Annualised Sharpe ratio over rows `[start, end)` with the risk-free rate subtracted day
 * by day: S = mean(r − rf) / std(r − rf) · √252 (ddof = 1); rows where r or rf is NaN
 * are dropped. `null` with a reason when fewer than 2 observations or std(r − rf) ≤ 1e-14.
 *
 * @example sharpeRatio(Float64Array.of(0.02, 0), Float64Array.of(0, 0), 0, 2).value
 *   // 0.01 / 0.01414… · √252 ≈ 11.22
 */
export function sharpeRatio(
  returns: Float64Array,
  riskFree: Float64Array,
  start: number,
  end: number,
): SharpeRatio | UndefinedValue {
  const m = sampleMoments(returns, riskFree, start, end);
  if (m.n < 2) return undefinedValue(Reason.tooFewObservations);
  if (!(m.std > MIN_EXCESS_STD)) return undefinedValue(Reason.zeroVariance);
  return {
    value: (m.mean / m.std) * Math.sqrt(TRADING_DAYS_PER_YEAR),
    meanExcessDaily: m.mean,
    stdExcessDaily: m.std,
    nObs: m.n,
  };
}
