import { Reason, undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';
import { sampleMoments } from '../statistics/sampleMoments.js';
import { TRADING_DAYS_PER_YEAR } from './annualizationFactor.js';

/** Annualised volatility of a window with its daily deviation. */
export interface Volatility {
  /** std(r) · √252. */
  readonly value: number;
  /** Daily sample standard deviation (ddof = 1). */
  readonly dailyStd: number;
  readonly nObs: number;
}

/**
 * Annualised volatility over rows `[start, end)`: σ = std(r) · √252, sample deviation
 * (ddof = 1), NaN rows (no observation) dropped. `null` with a reason below 2 observations.
 * A flat series has volatility 0, a real value.
 *
 * @example volatility(Float64Array.of(0.01, -0.01), 0, 2).value // 0.01414… · √252 ≈ 0.2245
 */
export function volatility(
  returns: Float64Array,
  start: number,
  end: number,
): Volatility | UndefinedValue {
  const m = sampleMoments(returns, null, start, end);
  if (m.n < 2) return undefinedValue(Reason.tooFewObservations);
  return { value: m.std * Math.sqrt(TRADING_DAYS_PER_YEAR), dailyStd: m.std, nObs: m.n };
}
