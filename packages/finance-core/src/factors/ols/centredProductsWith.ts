/** Columns are taken three at a time: the target's deviation meets three others per pass. */
const GROUP = 3;

/**
 * Centred cross-products of one target column with each of `columns` over the first `n`
 * rows: out[j] = Σᵢ (tᵢ − t̄)(c_j[i] − m_j) for j < columns.length, and the last entry
 * Σᵢ (tᵢ − t̄)². The y row of the cross-product matrix when the factor block is known
 * already (see `FactorWindowCache`); three independent sums per pass hide adder latency.
 *
 * @example centredProductsWith(Float64Array.of(1, 3), 2, [Float64Array.of(0, 4)], Float64Array.of(2), 2) // → [4, 2]
 */
export function centredProductsWith(
  target: Float64Array,
  targetMean: number,
  columns: readonly Float64Array[],
  means: Float64Array,
  n: number,
): Float64Array {
  const k = columns.length;
  const out = new Float64Array(k + 1);
  let squares = 0;
  for (let first = 0; first < k; first += GROUP) {
    const c0 = columns[first]!;
    const c1 = columns[Math.min(first + 1, k - 1)]!;
    const c2 = columns[Math.min(first + 2, k - 1)]!;
    const m0 = means[first]!;
    const m1 = means[Math.min(first + 1, k - 1)]!;
    const m2 = means[Math.min(first + 2, k - 1)]!;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let tt = 0;
    for (let i = 0; i < n; i++) {
      const d = target[i]! - targetMean;
      s0 += d * (c0[i]! - m0);
      s1 += d * (c1[i]! - m1);
      s2 += d * (c2[i]! - m2);
      tt += d * d;
    }
    out[first] = s0;
    if (first + 1 < k) out[first + 1] = s1;
    if (first + 2 < k) out[first + 2] = s2;
    squares = tt;
  }
  if (k === 0) {
    for (let i = 0; i < n; i++) squares += (target[i]! - targetMean) ** 2;
  }
  out[k] = squares;
  return out;
}
