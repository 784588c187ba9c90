import { Reason, undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';
import { TRADING_DAYS_PER_YEAR } from '../risk/annualizationFactor.js';
import { completeRows } from './completeRows.js';
import { assertSameLength, FactorInputError } from './factorInputError.js';
import type { FactorWindowCache } from './factorWindowCache.js';
import { interleavedSum } from './interleavedSum.js';
import { centredCrossProducts } from './ols/centredCrossProducts.js';
import { centredProductsWith } from './ols/centredProductsWith.js';
import { choleskyUpper } from './ols/choleskyUpper.js';
import { householderQr } from './ols/householderQr.js';
import { triangularRegression, type OlsSolution } from './ols/triangularRegression.js';

/**
 * Below this share of a column's centred sum of squares left unexplained by the columns
 * before it (or of y's, i.e. 1 − R²), the cross-product route could lose digits, so the fit
 * is redone with Householder QR on the data.
 */
const MIN_UNEXPLAINED_SHARE_FOR_CHOLESKY = 1e-4;
/** A factor whose centred column keeps less than this share (squared) of its norm is collinear. */
const SINGULAR_SHARE = 1e-20;

/** OLS factor model of one window. Keys are those of the reference JSON (`factor_model`). */
export interface FactorModelFit {
  /** Rows used: y and every factor present. */
  readonly n_obs: number;
  readonly k_factors: number;
  /** Daily intercept a (not annualised). */
  readonly intercept_daily: number;
  /** Loading bₖ per factor name. */
  readonly loadings: Readonly<Record<string, number>>;
  /** Non-robust standard errors, `const` for the intercept then one per factor name. */
  readonly stderr_nonrobust: Readonly<Record<string, number>>;
  /** Coefficient / standard error; `null` where the standard error is 0 (a perfect fit). */
  readonly tvalues: Readonly<Record<string, number | null>>;
  readonly r_squared: number;
  readonly adj_r_squared: number;
  /** √(SSR / (n − k − 1)). */
  readonly residual_vol_daily: number;
  /** residual_vol_daily · √252. */
  readonly residual_vol_annual: number;
  /** Degrees of freedom of the residual variance, n − k − 1. */
  readonly residual_ddof: number;
  /** Which factorisation produced the numbers (both agree to rounding; QR for hard cases). */
  readonly solver: 'cholesky' | 'householder';
}

/**
 * OLS of y on [1, f₁ … f_k] — the factor model of docs/FACTORS.md and docs/CONVENTIONS.md.
 *
 * y = a + Σ bₖ·fₖ + e over the rows where y and every factor are present (a NaN anywhere
 * drops the row). σ² = SSR / (n − k − 1); se = √(σ²·diag((XᵀX)⁻¹)) (non-robust, as
 * statsmodels); t = coefficient / se; R² = 1 − SSR/SST (SST centred);
 * adjusted R² = 1 − (1 − R²)(n − 1)/(n − k − 1); residual volatility σ daily and σ·√252.
 *
 * Numerics: the data are centred (two passes) and R of [X_c | y_c] is taken from the
 * Cholesky factor of their cross-products when every column keeps ≥ 1e-4 of its variance
 * unexplained by the columns before it and 1 − R² ≥ 1e-4; otherwise from Householder QR
 * of the centred data — so the result always has QR-level accuracy, and the common case
 * costs (k+1)(k+2)/2 products per row, in three passes for five factors.
 *
 * With a {@link FactorWindowCache} shared by the portfolios of one market, the factors' own
 * means and cross-products come from it and only y's products are computed (when y and
 * the factors are complete in the window); the numbers are identical.
 *
 * Returns an {@link UndefinedValue} when n ≤ k + 1 ("too few observations"), y is constant
 * ("zero standard deviation") or a factor is constant or collinear ("singular design matrix").
 * Throws {@link FactorInputError} when series lengths or `names` do not match.
 *
 * @example fitFactorModel(returns, [mkt, smb], ['MKT', 'SMB']).loadings.MKT
 */
export function fitFactorModel(
  y: Float64Array,
  factors: readonly Float64Array[],
  names: readonly string[],
  cache?: FactorWindowCache,
): FactorModelFit | UndefinedValue {
  const k = factors.length;
  if (names.length !== k) {
    throw new FactorInputError(
      'names_mismatch',
      `fitFactorModel got ${k} factor series but ${names.length} names`,
    );
  }
  assertSameLength(y.length, factors, 'factor series');
  const q = k + 1;
  const { columns, n, means, gram } = centredMoments(y, factors, cache);
  if (n <= k + 1) return undefinedValue(Reason.tooFewObservations);
  if (isConstant(gram, means, n, k)) return undefinedValue(Reason.zeroVariance);
  for (let j = 0; j < k; j++) {
    if (isConstant(gram, means, n, j)) return undefinedValue(Reason.singularDesign);
  }
  let r = choleskyUpper(gram, q);
  let solver: FactorModelFit['solver'] = 'cholesky';
  if (r === null || !wellConditioned(r, gram, q)) {
    r = householderQr(centredColumnMajor(columns, means, n), n, q);
    solver = 'householder';
    for (let j = 0; j < k; j++) {
      const rjj = r[j * q + j]!;
      if (rjj * rjj <= SINGULAR_SHARE * gram[j * q + j]!) {
        return undefinedValue(Reason.singularDesign);
      }
    }
  }
  return describeFit(triangularRegression(r, means, n), names, solver);
}

/** The complete rows, their means and centred cross-products of [factors | y]. */
interface CentredMoments {
  readonly columns: readonly Float64Array[];
  readonly n: number;
  readonly means: Float64Array;
  readonly gram: Float64Array;
}

function centredMoments(
  y: Float64Array,
  factors: readonly Float64Array[],
  cache: FactorWindowCache | undefined,
): CentredMoments {
  const k = factors.length;
  const q = k + 1;
  const yMean = interleavedSum(y, y.length) / y.length;
  const cached = Number.isNaN(yMean) ? undefined : cache?.statistics(factors);
  if (cached?.complete === true) {
    const n = y.length;
    const means = new Float64Array(q);
    means.set(cached.means);
    means[k] = yMean;
    const gram = new Float64Array(q * q);
    for (let a = 0; a < k; a++) {
      for (let b = a; b < k; b++) gram[a * q + b] = cached.gram[a * k + b]!;
    }
    const yRow = centredProductsWith(y, yMean, factors, cached.means, n);
    for (let j = 0; j <= k; j++) gram[j * q + k] = yRow[j]!;
    return { columns: [...factors, y], n, means, gram };
  }
  let columns: readonly Float64Array[] = [...factors, y];
  let n = y.length;
  const means = new Float64Array(q);
  if (!columnMeans(columns, n, means)) {
    columns = completeRows(y, factors);
    n = columns[0]!.length;
    columnMeans(columns, n, means);
  }
  return { columns, n, means, gram: centredCrossProducts(columns, means, n) };
}

/** Column means over the first n rows; false when a column holds a NaN (the sum propagates it). */
function columnMeans(columns: readonly Float64Array[], n: number, means: Float64Array): boolean {
  let complete = true;
  for (let j = 0; j < columns.length; j++) {
    const mean = interleavedSum(columns[j]!, n) / n;
    if (Number.isNaN(mean)) complete = false;
    means[j] = mean;
  }
  return complete;
}

/** Column-major n × q copy of the centred columns, the work buffer of the QR route. */
function centredColumnMajor(
  columns: readonly Float64Array[],
  means: Float64Array,
  n: number,
): Float64Array {
  const buffer = new Float64Array(n * columns.length);
  for (let j = 0; j < columns.length; j++) {
    const x = columns[j]!;
    const m = means[j]!;
    for (let i = 0; i < n; i++) buffer[j * n + i] = x[i]! - m;
  }
  return buffer;
}

/**
 * Column j is constant when its centred sum of squares is no more than the rounding of its
 * mean leaves behind (n·(64·ε·mean)²): a constant column never centres to exact zeros.
 */
function isConstant(gram: Float64Array, means: Float64Array, n: number, j: number): boolean {
  const q = means.length;
  const roundingScale = 64 * Number.EPSILON * means[j]!;
  return gram[j * q + j]! <= n * roundingScale * roundingScale;
}

function wellConditioned(r: Float64Array, gram: Float64Array, q: number): boolean {
  for (let j = 0; j < q; j++) {
    const rjj = r[j * q + j]!;
    if (rjj * rjj < MIN_UNEXPLAINED_SHARE_FOR_CHOLESKY * gram[j * q + j]!) return false;
  }
  return true;
}

function describeFit(
  ols: OlsSolution,
  names: readonly string[],
  solver: FactorModelFit['solver'],
): FactorModelFit {
  const k = names.length;
  const ddof = ols.n - k - 1;
  const residualVariance = ols.ssr / ddof;
  const loadings: Record<string, number> = {};
  const stderr: Record<string, number> = {};
  const tvalues: Record<string, number | null> = {};
  const interceptSe = Math.sqrt(residualVariance * ols.varianceFactors[0]!);
  stderr['const'] = interceptSe;
  tvalues['const'] = interceptSe > 0 ? ols.intercept / interceptSe : null;
  for (let j = 0; j < k; j++) {
    const name = names[j]!;
    const b = ols.slopes[j]!;
    const se = Math.sqrt(residualVariance * ols.varianceFactors[j + 1]!);
    loadings[name] = b;
    stderr[name] = se;
    tvalues[name] = se > 0 ? b / se : null;
  }
  const rSquared = 1 - ols.ssr / ols.sst;
  const residualVolDaily = Math.sqrt(residualVariance);
  return {
    n_obs: ols.n,
    k_factors: k,
    intercept_daily: ols.intercept,
    loadings,
    stderr_nonrobust: stderr,
    tvalues,
    r_squared: rSquared,
    adj_r_squared: 1 - ((1 - rSquared) * (ols.n - 1)) / ddof,
    residual_vol_daily: residualVolDaily,
    residual_vol_annual: residualVolDaily * Math.sqrt(TRADING_DAYS_PER_YEAR),
    residual_ddof: ddof,
    solver,
  };
}
