import type { FactorWindowCache } from '../factors/factorWindowCache.js';

/**
 * Everything `computeMetricSet` needs about one portfolio, aligned on one master calendar
 * (business days, ascending epoch days). Every `Float64Array` has one entry per calendar
 * row; NaN means "no observation" (a blank in the source or a date absent from it).
 * Rows on or before `inceptionDay` are ignored.
 */
export interface MetricSetInput {
  /** Portfolio id, echoed in the output. */
  readonly portfolio: string;
  /** Master calendar, ascending epoch days (`isoToEpochDay`). */
  readonly calendar: Int32Array;
  /** Date of the inception valuation (the row before the first return), epoch day. */
  readonly inceptionDay: number;
  /** Portfolio value at inception (base currency). */
  readonly inceptionValue: number;
  /** Daily time-weighted returns; NaN = no observation. */
  readonly returns: Float64Array;
  /** End-of-day values in base currency; NaN = no valuation (the previous one carries). */
  readonly values: Float64Array;
  /** External flows at the end of the day, deposits positive; 0 when none. */
  readonly flows: Float64Array;
  /** Benchmark daily returns (FX-hedged, i.e. local, if quoted in another currency). */
  readonly benchmark: Float64Array;
  /** Daily risk-free returns. */
  readonly riskFree: Float64Array;
  /** Daily factor returns, one series per name in `factorNames`. */
  readonly factors: readonly Float64Array[];
  readonly factorNames: readonly string[];
}

/** How `computeMetricSet` may share work across calls. */
export interface MetricSetOptions {
  /**
   * Factor-only window statistics shared by every portfolio on the same market arrays
   * (the nightly run computes many portfolios on one pricing pack). Pure memoisation:
   * results are identical with or without it.
   */
  readonly factorCache?: FactorWindowCache;
}
