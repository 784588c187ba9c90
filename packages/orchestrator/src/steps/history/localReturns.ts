/**
 * Close-to-close returns in the security's own (local) currency — the FX-hedged benchmark
 * return (finance-core docs/CONVENTIONS.md): `b_i = c_i / c_prev − 1` where `c_prev` is the last observed close
 * before row i, so a missing day neither invents a return nor loses the move (it lands on
 * the next observed row). NaN on rows without a close and before the second observation.
 *
 * @example localReturns(Float64Array.of(100, NaN, 110)) // [NaN, NaN, 0.1]
 */
export function localReturns(closes: Float64Array): Float64Array {
  const out = new Float64Array(closes.length).fill(Number.NaN);
  let last = Number.NaN;
  for (let i = 0; i < closes.length; i++) {
    const close = closes[i]!;
    if (Number.isNaN(close)) continue;
    if (!Number.isNaN(last)) out[i] = close / last - 1;
    last = close;
  }
  return out;
}
