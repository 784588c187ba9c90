import { Reason, undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';

/** The deepest fall of wealth in a window, and where it happened (row indices). */
export interface MaxDrawdown {
  /** min_t W_t / max(1, max_{s≤t} W_s) − 1 (≤ 0). */
  readonly value: number;
  /** Row of the peak before the trough; −1 means the anchor itself (W = 1); null when value = 0. */
  readonly peakRow: number | null;
  /** Row of the trough (first row reaching the minimum); null when value = 0. */
  readonly troughRow: number | null;
  /** First row after the trough whose wealth is back at the peak; null when not recovered. */
  readonly recoveryRow: number | null;
  readonly nObs: number;
}

/**
 * Maximum drawdown over rows `[start, end)` on wealth W₀ = 1 at the anchor,
 * W_t = ∏(1 + r): dd_t = W_t / max(1, max_{s≤t} W_s) − 1, value = min dd (CONVENTIONS.md).
 * NaN rows (no observation) leave wealth unchanged and are never a peak, trough or
 * recovery. Ties: the first trough, the first row reaching the running peak. `null` with
 * a reason when the window has no observation.
 *
 * @example maxDrawdown(Float64Array.of(0.1, -0.5, 1.2), 0, 3)
 *   // { value: -0.5, peakRow: 0, troughRow: 1, recoveryRow: 2, nObs: 3 }
 */
export function maxDrawdown(
  returns: Float64Array,
  start: number,
  end: number,
): MaxDrawdown | UndefinedValue {
  let wealth = 1;
  let peak = 1;
  let peakRow = -1;
  let worst = 0;
  let worstPeakRow = -1;
  let worstPeak = 1;
  let troughRow = -1;
  let troughWealth = 1;
  let nObs = 0;
  // A row can deepen the drawdown only if W / peak < the ratio of the worst so far (division
  // and subtraction round monotonically): rows with W above `skipAbove` = peak · that ratio,
  // widened by 1e-12 of its size to cover the product's rounding, are skipped without the
  // division; all others (NaN included) are decided exactly as written.
  let worstRatio = 1;
  let skipAbove = widened(peak);
  for (let i = start; i < end; i++) {
    const r = returns[i]!;
    if (r !== r) continue;
    nObs++;
    wealth *= 1 + r;
    if (wealth > peak) {
      peak = wealth;
      peakRow = i;
      skipAbove = widened(peak * worstRatio);
    }
    if (wealth > skipAbove) continue;
    const ratio = wealth / peak;
    const drawdown = ratio - 1;
    if (drawdown < worst) {
      worst = drawdown;
      troughRow = i;
      troughWealth = wealth;
      worstPeakRow = peakRow;
      worstPeak = peak;
      worstRatio = ratio;
      skipAbove = widened(peak * worstRatio);
    }
  }
  if (nObs === 0) return undefinedValue(Reason.tooFewObservations);
  if (troughRow < 0) return { value: 0, peakRow: null, troughRow: null, recoveryRow: null, nObs };
  let recoveryRow: number | null = null;
  wealth = troughWealth;
  for (let i = troughRow + 1; i < end; i++) {
    const r = returns[i]!;
    if (r !== r) continue;
    wealth *= 1 + r;
    if (wealth >= worstPeak) {
      recoveryRow = i;
      break;
    }
  }
  return { value: worst, peakRow: worstPeakRow, troughRow, recoveryRow, nObs };
}

/** x raised by 1e-12 of its size, far above the rounding of one product (either sign). */
function widened(x: number): number {
  return x + Math.abs(x) * 1e-12;
}
