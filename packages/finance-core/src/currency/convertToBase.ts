/**
 * A value series in a local currency converted to the base currency row by row:
 * V_base,t = V_local,t × FX_t, with FX_t = units of base currency per one unit of local
 * currency on the same date (e.g. USD per EUR for a EUR holding in a USD portfolio).
 * A NaN value or rate gives NaN (no observation) in that row.
 *
 * @example convertToBase(Float64Array.of(100, 110), Float64Array.of(1.1, 1.2)) // [110, 132]
 */
export function convertToBase(localValues: Float64Array, fxRates: Float64Array): Float64Array {
  const out = new Float64Array(localValues.length);
  for (let i = 0; i < out.length; i++) out[i] = localValues[i]! * fxRates[i]!;
  return out;
}
