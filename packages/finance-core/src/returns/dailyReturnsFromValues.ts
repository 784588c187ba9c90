/**
 * Daily returns from end-of-day values and external flows, flows at the **end** of the
 * day (CONVENTIONS.md): r_t = (V_t − CF_t) / V_{t−1} − 1, with V_{−1} = `startValue` (the
 * inception valuation). A NaN value carries the previous value forward (no observation:
 * the value did not change). A previous value ≤ 0 makes r_t NaN (undefined).
 * Deposits are positive flows.
 *
 * @example dailyReturnsFromValues(Float64Array.of(160, 122), Float64Array.of(50, -30), 100)
 *   // Float64Array [0.1, -0.05]
 */
export function dailyReturnsFromValues(
  values: Float64Array,
  flows: Float64Array,
  startValue: number,
): Float64Array {
  const out = new Float64Array(values.length);
  let previous = startValue;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const value = v === v ? v : previous;
    out[i] = previous > 0 ? (value - flows[i]!) / previous - 1 : Number.NaN;
    previous = value;
  }
  return out;
}
