import { isUndefinedValue } from '../result/undefinedValue.js';
import { checkCorrelationArguments, rollingCorrelationAt } from './rollingCorrelationAt.js';

/** Rolling correlation at every row. */
export interface RollingCorrelation {
  /** ρ at each row; NaN where undefined — {@link rollingCorrelationAt} gives the reason. */
  readonly values: Float64Array;
  /** Complete (x, y) pairs in the window ending at each row. */
  readonly n_pairs: Int32Array;
}

/**
 * Below this share of the shifted sum of squares left after centring, the running sums
 * have cancelled too much to trust; that row is recomputed exactly with two passes.
 */
const MIN_CENTRED_SHARE = 1e-4;

/**
 * {@link rollingCorrelationAt} at every row in O(n): the same definition, window, pair rule
 * and undefined cases (values NaN there), computed from running sums.
 *
 * Numerics: the sums are of deviations from a shift (the window means, re-taken every
 * `window` rows when the sums are rebuilt from scratch, so rounding never accumulates over
 * more than 2·window updates); Σ(x − x̄)² = Σd² − (Σd)²/n then loses few digits. Where it
 * would lose more than four (a near-constant window) the row is recomputed exactly, so every
 * value matches the two-pass definition to ~1e-12.
 *
 * @example rollingCorrelation(portfolio, mkt).values[asOfRow]
 */
export function rollingCorrelation(
  x: Float64Array,
  y: Float64Array,
  window = 30,
  minPairs = 20,
): RollingCorrelation {
  checkCorrelationArguments(x, y, window, minPairs);
  const length = x.length;
  const values = new Float64Array(length).fill(NaN);
  const nPairs = new Int32Array(length);
  let shiftX = 0;
  let shiftY = 0;
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let end = 0; end < length; end++) {
    const start = Math.max(0, end - window + 1);
    if (end % window === 0) {
      [shiftX, shiftY] = pairMeans(x, y, start, end);
      n = sx = sy = sxx = syy = sxy = 0;
      for (let i = start; i <= end; i++) {
        const dx = x[i]! - shiftX;
        const dy = y[i]! - shiftY;
        if (Number.isNaN(dx) || Number.isNaN(dy)) continue;
        n++;
        sx += dx;
        sy += dy;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      }
    } else {
      const dx = x[end]! - shiftX;
      const dy = y[end]! - shiftY;
      if (!Number.isNaN(dx) && !Number.isNaN(dy)) {
        n++;
        sx += dx;
        sy += dy;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      }
      const leaving = end - window;
      if (leaving >= 0) {
        const ox = x[leaving]! - shiftX;
        const oy = y[leaving]! - shiftY;
        if (!Number.isNaN(ox) && !Number.isNaN(oy)) {
          n--;
          sx -= ox;
          sy -= oy;
          sxx -= ox * ox;
          syy -= oy * oy;
          sxy -= ox * oy;
        }
      }
    }
    nPairs[end] = n;
    if (end < window - 1 || n < minPairs) continue;
    const vx = sxx - (sx * sx) / n;
    const vy = syy - (sy * sy) / n;
    if (vx > MIN_CENTRED_SHARE * sxx && vy > MIN_CENTRED_SHARE * syy) {
      values[end] = Math.max(-1, Math.min(1, (sxy - (sx * sy) / n) / Math.sqrt(vx * vy)));
    } else {
      const exact = rollingCorrelationAt(x, y, end, window, minPairs);
      if (!isUndefinedValue(exact)) values[end] = exact.value;
    }
  }
  return { values, n_pairs: nPairs };
}

/** Means of x and y over the complete pairs of rows start…end; 0 when there are none. */
function pairMeans(x: Float64Array, y: Float64Array, start: number, end: number): [number, number] {
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = start; i <= end; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    n++;
    sumX += x[i]!;
    sumY += y[i]!;
  }
  return n === 0 ? [0, 0] : [sumX / n, sumY / n];
}
