import { Reason, undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';
import { assertIndex, assertWindow } from './factorInputError.js';

/** Options of {@link factorMomentumZ}. */
export interface FactorMomentumOptions {
  /**
   * Compare the end row with the `window` rows before it instead of a window that includes
   * it (the reference's `…_excl_current` variant). Default false.
   */
  readonly excludeCurrent?: boolean;
  /** Fewest valid observations in the window for a z-score; default ⌈2·window/3⌉ (60 of 90). */
  readonly minObservations?: number;
}

/** A momentum z-score with the number of observations in its window. */
export interface MomentumValue {
  readonly value: number;
  readonly nObs: number;
}

/** Reason given when the series has no observation on the row asked about. */
export const MISSING_END_OBSERVATION = 'no observation on the end row';

/**
 * Factor momentum z-score (docs/FACTORS.md, docs/CONVENTIONS.md): how far the value on `endIndex` sits
 * from its recent history, in standard deviations.
 *
 * z = (f(end) − mean(W)) / std(W), std sample (ddof 1), W = the `window` rows ending at
 * `endIndex` inclusive, or with `excludeCurrent` the `window` rows before it. NaN rows in W
 * are dropped (two-pass mean and deviation over the valid ones).
 *
 * Undefined ({@link UndefinedValue}) when W would start before row 0 ("insufficient
 * history"), f(end) is NaN, W has fewer than `minObservations` valid values ("too few
 * observations") or they are all equal ("zero standard deviation").
 *
 * @example factorMomentumZ(mkt, asOfRow) // → { value: 0.107, nObs: 90 }
 */
export function factorMomentumZ(
  series: Float64Array,
  endIndex: number,
  window = 90,
  options: FactorMomentumOptions = {},
): MomentumValue | UndefinedValue {
  assertWindow(window, 2, 'factor momentum window');
  assertIndex(endIndex, series.length, 'factorMomentumZ endIndex');
  const minObservations = options.minObservations ?? Math.ceil((2 * window) / 3);
  assertWindow(minObservations, 2, 'factor momentum minObservations');
  const last = options.excludeCurrent === true ? endIndex - 1 : endIndex;
  const first = last - window + 1;
  if (first < 0) return undefinedValue(Reason.insufficientHistory);
  const current = series[endIndex]!;
  if (Number.isNaN(current)) return undefinedValue(MISSING_END_OBSERVATION);
  let n = 0;
  let sum = 0;
  let constant = true;
  let firstValue = NaN;
  for (let i = first; i <= last; i++) {
    const v = series[i]!;
    if (Number.isNaN(v)) continue;
    if (n === 0) firstValue = v;
    constant &&= v === firstValue;
    sum += v;
    n++;
  }
  if (n < minObservations) return undefinedValue(Reason.tooFewObservations);
  if (constant) return undefinedValue(Reason.zeroVariance);
  const mean = sum / n;
  let squares = 0;
  for (let i = first; i <= last; i++) {
    const d = series[i]! - mean;
    if (!Number.isNaN(d)) squares += d * d;
  }
  return { value: (current - mean) / Math.sqrt(squares / (n - 1)), nObs: n };
}
