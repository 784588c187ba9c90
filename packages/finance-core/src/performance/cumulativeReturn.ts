/** A time-weighted return over a window and how many daily returns it compounds. */
export interface CumulativeReturn {
  readonly value: number;
  readonly nObs: number;
}

/**
 * Time-weighted cumulative return over rows `[start, end)`: R = ∏(1 + rᵢ) − 1, skipping
 * NaN rows (no observation: the value did not change across them, CONVENTIONS.md). A
 * window without any observation therefore has R = 0 with `nObs = 0` — reported, not
 * hidden, so a caller can tell it from a measured 0.
 *
 * @example cumulativeReturn(Float64Array.of(0.1, NaN, -0.05), 0, 3) // { value: 0.045, nObs: 2 }
 */
export function cumulativeReturn(
  returns: Float64Array,
  start: number,
  end: number,
): CumulativeReturn {
  let growth = 1;
  let nObs = 0;
  for (let i = start; i < end; i++) {
    const r = returns[i]!;
    if (r === r) {
      growth *= 1 + r;
      nObs++;
    }
  }
  return { value: growth - 1, nObs };
}
