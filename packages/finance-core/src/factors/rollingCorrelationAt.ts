import { Reason, undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';
import { assertIndex, assertWindow, FactorInputError } from './factorInputError.js';

/** A Pearson correlation with the number of pairs it was computed on. */
export interface CorrelationValue {
  readonly value: number;
  readonly n_pairs: number;
}

/**
 * Pearson correlation of x and y over the `window` rows ending at `endIndex` (inclusive),
 * pairwise complete: rows where either is NaN are dropped (CONVENTIONS.md, 30-row rolling
 * correlation).
 *
 * ρ = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²), two-pass, clamped to [−1, 1].
 *
 * Undefined ({@link UndefinedValue}) when fewer than `window` rows end at `endIndex`
 * ("insufficient history"), fewer than `minPairs` complete pairs ("too few observations"),
 * or the valid x or y are all equal ("zero standard deviation").
 *
 * @example rollingCorrelationAt(portfolio, mkt, asOfRow) // → { value: 0.93, n_pairs: 30 }
 */
export function rollingCorrelationAt(
  x: Float64Array,
  y: Float64Array,
  endIndex: number,
  window = 30,
  minPairs = 20,
): CorrelationValue | UndefinedValue {
  checkCorrelationArguments(x, y, window, minPairs);
  assertIndex(endIndex, x.length, 'rollingCorrelationAt endIndex');
  const start = endIndex - window + 1;
  if (start < 0) return undefinedValue(Reason.insufficientHistory);
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  let constantX = true;
  let constantY = true;
  let firstX = NaN;
  let firstY = NaN;
  for (let i = start; i <= endIndex; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (Number.isNaN(xi) || Number.isNaN(yi)) continue;
    if (n === 0) {
      firstX = xi;
      firstY = yi;
    }
    constantX &&= xi === firstX;
    constantY &&= yi === firstY;
    sumX += xi;
    sumY += yi;
    n++;
  }
  if (n < minPairs) return undefinedValue(Reason.tooFewObservations);
  if (constantX || constantY) return undefinedValue(Reason.zeroVariance);
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = start; i <= endIndex; i++) {
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    if (Number.isNaN(dx) || Number.isNaN(dy)) continue;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { value: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), n_pairs: n };
}

/** Shared argument checks of the rolling-correlation functions. */
export function checkCorrelationArguments(
  x: Float64Array,
  y: Float64Array,
  window: number,
  minPairs: number,
): void {
  if (x.length !== y.length) {
    throw new FactorInputError(
      'length_mismatch',
      `rolling correlation needs series of one length, got ${x.length} and ${y.length} rows`,
    );
  }
  assertWindow(window, 2, 'rolling correlation window');
  assertWindow(minPairs, 2, 'rolling correlation minPairs');
  if (minPairs > window) {
    throw new FactorInputError(
      'invalid_window',
      `rolling correlation minPairs (${minPairs}) exceeds the window (${window})`,
    );
  }
}
