/**
 * Cholesky factor of a symmetric positive-definite `size × size` matrix: G = Rᵀ·R with R
 * upper triangular and a positive diagonal.
 *
 * R[i][i] = √(G[i][i] − Σ_{k<i} R[k][i]²), R[i][j] = (G[i][j] − Σ_{k<i} R[k][i]·R[k][j]) / R[i][i].
 * Only the upper triangle of `g` (row-major) is read. Returns `null` when a pivot is not
 * positive (G is singular or, through rounding, indefinite) — callers fall back to QR.
 *
 * @example choleskyUpper(Float64Array.of(4, 2, 2, 5), 2) // → [2, 1, 0, 2]
 */
export function choleskyUpper(g: Float64Array, size: number): Float64Array | null {
  const r = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    let pivot = g[i * size + i]!;
    for (let k = 0; k < i; k++) {
      const rki = r[k * size + i]!;
      pivot -= rki * rki;
    }
    if (!(pivot > 0)) return null;
    const rii = Math.sqrt(pivot);
    r[i * size + i] = rii;
    for (let j = i + 1; j < size; j++) {
      let s = g[i * size + j]!;
      for (let k = 0; k < i; k++) s -= r[k * size + i]! * r[k * size + j]!;
      r[i * size + j] = s / rii;
    }
  }
  return r;
}
