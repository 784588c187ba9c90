/** Least-squares quantities of y on [1, x₁ … x_k], before any statistics are derived. */
export interface OlsSolution {
  /** Number of observations used. */
  readonly n: number;
  /** Intercept a. */
  readonly intercept: number;
  /** Slopes b₁ … b_k. */
  readonly slopes: Float64Array;
  /** Diagonal of (XᵀX)⁻¹ for [1, x₁ … x_k]: multiply by σ² for the coefficient variances. */
  readonly varianceFactors: Float64Array;
  /** Residual sum of squares Σ(y − ŷ)². */
  readonly ssr: number;
  /** Centred total sum of squares Σ(y − ȳ)². */
  readonly sst: number;
}

/**
 * Solves OLS of y on [1, x₁ … x_k] from the triangular factor of the centred data.
 *
 * `r` is the upper-triangular R (row-major, (k+1) × (k+1)) of the centred augmented matrix
 * [x₁ − x̄₁ … x_k − x̄_k | y − ȳ] — from Householder QR or from the Cholesky factor of its
 * cross-products, which are the same matrix. With R = [[Rₓ, r], [0, ρ]]:
 * slopes b = Rₓ⁻¹·r, SSR = ρ², SST = ‖r‖² + ρ², intercept a = ȳ − b·x̄,
 * var factors diag((X_cᵀX_c)⁻¹) = row norms² of Rₓ⁻¹ and, for a, 1/n + ‖Rₓ⁻ᵀ·x̄‖².
 * `means` holds x̄₁ … x̄_k then ȳ. Rₓ must be non-singular (the caller checks its diagonal).
 */
export function triangularRegression(r: Float64Array, means: Float64Array, n: number): OlsSolution {
  const q = means.length;
  const k = q - 1;
  const inverse = new Float64Array(k * k);
  for (let j = k - 1; j >= 0; j--) {
    const rjj = r[j * q + j]!;
    inverse[j * k + j] = 1 / rjj;
    for (let c = j + 1; c < k; c++) {
      let s = 0;
      for (let m = j + 1; m <= c; m++) s += r[j * q + m]! * inverse[m * k + c]!;
      inverse[j * k + c] = -s / rjj;
    }
  }
  const slopes = new Float64Array(k);
  const varianceFactors = new Float64Array(k + 1);
  let intercept = means[k]!;
  let sst = 0;
  for (let j = 0; j < k; j++) {
    let b = 0;
    let rowNorm = 0;
    for (let m = j; m < k; m++) {
      const w = inverse[j * k + m]!;
      b += w * r[m * q + k]!;
      rowNorm += w * w;
    }
    slopes[j] = b;
    varianceFactors[j + 1] = rowNorm;
    intercept -= b * means[j]!;
    const rjy = r[j * q + k]!;
    sst += rjy * rjy;
  }
  let meanTerm = 0;
  for (let m = 0; m < k; m++) {
    let w = 0;
    for (let j = 0; j <= m; j++) w += inverse[j * k + m]! * means[j]!;
    meanTerm += w * w;
  }
  varianceFactors[0] = 1 / n + meanTerm;
  const rho = r[k * q + k]!;
  const ssr = rho * rho;
  return { n, intercept, slopes, varianceFactors, ssr, sst: sst + ssr };
}
