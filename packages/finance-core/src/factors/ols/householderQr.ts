/**
 * Householder QR of a column-major `rows × cols` matrix (rows ≥ cols): A = Q·R.
 *
 * Each column j is reflected with H = I − v·vᵀ/(β·v₀), v = x − β·e₁, β = −sign(x₀)·‖x‖,
 * which maps the sub-column x onto β·e₁; R is read off the reduced matrix. Q is not formed:
 * least-squares callers append the dependent variable as the last column, so Qᵀy comes out
 * in R's last column and the residual norm is |R[last][last]|. Signs follow LINPACK/JAMA
 * (R[j][j] = −sign(a_jj)·‖a_j‖), the same as ml-matrix's `QrDecomposition`.
 *
 * Norms are not rescaled against under/overflow: meant for returns and factor changes, far
 * from 1e±150. `a` is overwritten (it serves as the work buffer). Returns R row-major, `cols × cols`,
 * zero below the diagonal. A zero sub-column is left as is (R[j][j] = 0, rank deficient).
 *
 * @example householderQr(Float64Array.of(3, 4), 2, 1) // → [-5]
 */
export function householderQr(a: Float64Array, rows: number, cols: number): Float64Array {
  for (let j = 0; j < cols; j++) {
    const cj = j * rows;
    let sumSquares = 0;
    for (let i = j; i < rows; i++) {
      const v = a[cj + i]!;
      sumSquares += v * v;
    }
    if (sumSquares === 0) continue;
    const alpha = a[cj + j]!;
    const norm = Math.sqrt(sumSquares);
    const beta = alpha >= 0 ? -norm : norm;
    const v0 = alpha - beta;
    a[cj + j] = v0;
    const inverseScale = 1 / (beta * v0);
    for (let c = j + 1; c < cols; c++) {
      const cc = c * rows;
      let dot = 0;
      for (let i = j; i < rows; i++) dot += a[cj + i]! * a[cc + i]!;
      const s = dot * inverseScale;
      for (let i = j; i < rows; i++) a[cc + i]! += s * a[cj + i]!;
    }
    a[cj + j] = beta;
  }
  const r = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) {
    for (let j = i; j < cols; j++) r[i * cols + j] = a[j * rows + i]!;
  }
  return r;
}
