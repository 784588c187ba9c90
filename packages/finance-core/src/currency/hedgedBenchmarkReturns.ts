/**
 * FX-hedged returns of a benchmark quoted in another currency (docs/CONVENTIONS.md): its local-currency
 * return, recovered from the base-currency return and the currency return as
 * r_local = (1 + r_base) / (1 + r_fx) − 1, so currency moves do not pollute alpha and beta.
 * Row by row; NaN in either input gives NaN (no observation).
 *
 * @example hedgedBenchmarkReturns(Float64Array.of(0.155), Float64Array.of(0.05)) // [0.1]
 */
export function hedgedBenchmarkReturns(
  baseReturns: Float64Array,
  fxReturns: Float64Array,
): Float64Array {
  const out = new Float64Array(baseReturns.length);
  for (let i = 0; i < out.length; i++) out[i] = (1 + baseReturns[i]!) / (1 + fxReturns[i]!) - 1;
  return out;
}
