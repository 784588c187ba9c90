/**
 * Centred cross-products of one target column with each of `columns` over the first `n`
 * rows: out[j] = Σᵢ (tᵢ − t̄)(c_j[i] − m_j) for j < columns.length, and the last entry
 * Σᵢ (tᵢ − t̄)². The y row of the cross-product matrix when the factor block is known
 * already (see `FactorWindowCache`). Columns are taken five at a time (three for a short
 * remainder): the target's deviation meets them all in one pass, their independent sums
 * hiding the adder's latency. Every sum runs over the rows in order, so the grouping does
 * not change a bit of the result.
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
  for (let first = 0; first < k;) {
    squares =
      k - first >= 4
        ? fiveAtOnce(target, targetMean, columns, means, n, first, out)
        : threeAtOnce(target, targetMean, columns, means, n, first, out);
    first += k - first >= 4 ? 5 : 3;
  }
  if (k === 0) {
    for (let i = 0; i < n; i++) squares += (target[i]! - targetMean) ** 2;
  }
  out[k] = squares;
  return out;
}

/** Sums of columns first … first+4 (the last column repeated past the end) into `out`; returns Σ d². */
function fiveAtOnce(
  target: Float64Array,
  targetMean: number,
  columns: readonly Float64Array[],
  means: Float64Array,
  n: number,
  first: number,
  out: Float64Array,
): number {
  const k = columns.length;
  const j1 = Math.min(first + 1, k - 1);
  const j2 = Math.min(first + 2, k - 1);
  const j3 = Math.min(first + 3, k - 1);
  const j4 = Math.min(first + 4, k - 1);
  const c0 = columns[first]!;
  const c1 = columns[j1]!;
  const c2 = columns[j2]!;
  const c3 = columns[j3]!;
  const c4 = columns[j4]!;
  const m0 = means[first]!;
  const m1 = means[j1]!;
  const m2 = means[j2]!;
  const m3 = means[j3]!;
  const m4 = means[j4]!;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let tt = 0;
  for (let i = 0; i < n; i++) {
    const d = target[i]! - targetMean;
    s0 += d * (c0[i]! - m0);
    s1 += d * (c1[i]! - m1);
    s2 += d * (c2[i]! - m2);
    s3 += d * (c3[i]! - m3);
    s4 += d * (c4[i]! - m4);
    tt += d * d;
  }
  out[first] = s0;
  out[j1] = s1;
  out[j2] = s2;
  out[j3] = s3;
  if (first + 4 < k) out[j4] = s4;
  return tt;
}

/** Sums of columns first … first+2 (the last column repeated past the end) into `out`; returns Σ d². */
function threeAtOnce(
  target: Float64Array,
  targetMean: number,
  columns: readonly Float64Array[],
  means: Float64Array,
  n: number,
  first: number,
  out: Float64Array,
): number {
  const k = columns.length;
  const j1 = Math.min(first + 1, k - 1);
  const j2 = Math.min(first + 2, k - 1);
  const c0 = columns[first]!;
  const c1 = columns[j1]!;
  const c2 = columns[j2]!;
  const m0 = means[first]!;
  const m1 = means[j1]!;
  const m2 = means[j2]!;
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
  out[j1] = s1;
  out[j2] = s2;
  return tt;
}
