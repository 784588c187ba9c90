import { Reason, undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';
import { TRADING_DAYS_PER_YEAR } from '../risk/annualizationFactor.js';
import { MIN_EXCESS_STD } from '../risk/sharpeRatio.js';
import { sampleMoments } from '../statistics/sampleMoments.js';

/** Tracking error and information ratio of one window. */
export interface ActiveRisk {
  /** std(r − b) · √252 (ddof = 1). */
  readonly trackingError: number;
  /** mean(r − b) · 252 / TE; `null` with a reason when TE is 0. */
  readonly informationRatio: number | UndefinedValue;
  readonly meanActiveDaily: number;
  readonly nObs: number;
}

/**
 * Active risk against a benchmark over rows `[start, end)` (CONVENTIONS.md): tracking
 * error TE = std(r − b) · √252 and information ratio IR = mean(r − b) · 252 / TE, rows
 * where r or b is NaN dropped. `null` below 2 observations; IR alone is `null` when the
 * daily active deviation is ≤ 1e-14 (a perfect tracker).
 *
 * @example activeRisk(Float64Array.of(0.02, 0), Float64Array.of(0, 0), 0, 2).trackingError // ≈ 0.2245
 */
export function activeRisk(
  returns: Float64Array,
  benchmark: Float64Array,
  start: number,
  end: number,
): ActiveRisk | UndefinedValue {
  const m = sampleMoments(returns, benchmark, start, end);
  if (m.n < 2) return undefinedValue(Reason.tooFewObservations);
  const trackingError = m.std * Math.sqrt(TRADING_DAYS_PER_YEAR);
  return {
    trackingError,
    informationRatio:
      m.std > MIN_EXCESS_STD
        ? (m.mean * TRADING_DAYS_PER_YEAR) / trackingError
        : undefinedValue(Reason.zeroVariance),
    meanActiveDaily: m.mean,
    nObs: m.n,
  };
}
