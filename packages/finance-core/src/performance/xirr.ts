import { exponentialSumRoots } from '../numeric/exponentialSumRoots.js';
import { Reason, type UndefinedValue } from '../result/undefinedValue.js';

/** A money-weighted return: the unique XIRR root. */
export interface XirrResult {
  /** Annual rate x, Actual/365F. */
  readonly rate: number;
  /** Rate over the whole period: (1 + x)^(days / 365) − 1. */
  readonly periodRate: number;
  /** Every root found (exactly one here). */
  readonly roots: readonly number[];
  /** Calendar days from the first to the last flow. */
  readonly days: number;
  /**
   * Σ cᵢ (1 + x)^(−(dᵢ − d₀)/365) at the root (≈ 0; a check), evaluated as Σ cᵢ e^(−v·tᵢ)
   * with the root v = ln(1 + x) the search found (an exponential per flow, not a power).
   */
  readonly npv: number;
}

/** XIRR undefined: no root, more than one (all listed), or a zero-length period. */
export interface XirrUndefined extends UndefinedValue {
  readonly roots: readonly number[];
}

/** Reason when every flow falls on one date, so the NPV does not depend on the rate. */
export const ZERO_LENGTH_PERIOD = 'zero-length period: all cash flows on one date';
/** Reason when the roots could not be separated (a repeated root). */
export const UNRESOLVED_ROOTS = 'roots could not be isolated (repeated root)';

/** ln(1 + x) below which 1 + x is lost in rounding (x would print as −1): not searched. */
const MIN_LOG_GROWTH = Math.log(Number.EPSILON);

/**
 * XIRR, Actual/365F: every x > −1 solving Σ cᵢ (1 + x)^(−(dᵢ − d₀)/365) = 0, where
 * `days` are epoch days (any order; same-date amounts are summed first) and `amounts`
 * are signed from the investor's view (−V(anchor), −CF for a deposit, +V(as_of)). All
 * roots are bracketed rigorously (see `exponentialSumRoots`, with v = ln(1 + x)) and
 * refined by Brent's method. Exactly one root gives the rate and the period rate;
 * none or several give `null` with the reason and the roots — never a guess. Rates are
 * searched where 1 + x lies in [2^−52, e^700]: a root closer to −100% is not a number
 * a double can tell from −1 and counts as no root.
 *
 * @example xirr([18262, 18628], [-100, 110]).rate // 0.09971358593414… (366 days)
 */
export function xirr(
  days: ArrayLike<number>,
  amounts: ArrayLike<number>,
): XirrResult | XirrUndefined {
  const n = days.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = days[i]! >= days[i - 1]!;
  const order = sorted ? null : sortedOrder(days);
  const first = days[order === null ? 0 : order[0]!]!;
  const span = days[order === null ? n - 1 : order[n - 1]!]! - first;
  if (span <= 0) return { value: null, reason: ZERO_LENGTH_PERIOD, roots: [] };

  // Same-date amounts summed; zero sums dropped; times in years from the first non-zero flow.
  const coefficients: number[] = [];
  const times: number[] = [];
  let firstFlowDay = first;
  let day = first;
  let sum = 0;
  for (let k = 0; k <= n; k++) {
    const at = order === null ? k : order[k]!;
    const next = k < n ? days[at]! : Number.NaN;
    if (next !== day) {
      if (sum !== 0) {
        if (coefficients.length === 0) firstFlowDay = day;
        coefficients.push(sum);
        times.push((day - firstFlowDay) / 365);
      }
      day = next;
      sum = 0;
    }
    if (k < n) sum += amounts[at]!;
  }
  if (coefficients.length < 2) return { value: null, reason: Reason.noRoot, roots: [] };
  const found = exponentialSumRoots(coefficients, times, MIN_LOG_GROWTH);
  const roots = found.roots.map(Math.expm1);
  if (!found.complete) return { value: null, reason: UNRESOLVED_ROOTS, roots };
  if (roots.length === 0) return { value: null, reason: Reason.noRoot, roots };
  if (roots.length > 1) return { value: null, reason: Reason.multipleRoots, roots };
  const rate = roots[0]!;
  const logGrowth = found.roots[0]!;
  const offset = (firstFlowDay - first) / 365;
  let npv = 0;
  for (let k = 0; k < coefficients.length; k++) {
    npv += coefficients[k]! * Math.exp(-logGrowth * (times[k]! + offset));
  }
  return { rate, periodRate: Math.pow(1 + rate, span / 365) - 1, roots, days: span, npv };
}

/** Indices of `days` in ascending order of day (stable: same-day entries keep their order). */
function sortedOrder(days: ArrayLike<number>): number[] {
  return Array.from({ length: days.length }, (_, i) => i).sort((i, j) => days[i]! - days[j]!);
}
