/**
 * A copy of `series` with every NaN replaced by the last non-NaN value before it (leading
 * NaNs stay NaN). Used to value holdings on a day a close is missing (the close carries,
 * as the pack's carry-forward does).
 *
 * @example carriedForward(Float64Array.of(NaN, 1, NaN, 2)) // [NaN, 1, 1, 2]
 */
export function carriedForward(series: Float64Array): Float64Array {
  const out = new Float64Array(series.length);
  let last = Number.NaN;
  for (let i = 0; i < series.length; i++) {
    const value = series[i]!;
    if (!Number.isNaN(value)) last = value;
    out[i] = last;
  }
  return out;
}
