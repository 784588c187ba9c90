import fc from 'fast-check';
import { Matrix, QrDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { isUndefinedValue, Reason } from '../result/undefinedValue.js';
import { FactorInputError } from './factorInputError.js';
import { fitFactorModel, type FactorModelFit } from './fitFactorModel.js';

/** Deterministic pseudo-random numbers (LCG) so every run sees the same series. */
function noise(seed: number, length: number, scale: number): Float64Array {
  let state = seed >>> 0;
  return Float64Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 2 ** 32 - 0.5) * scale;
  });
}

function fitted(result: ReturnType<typeof fitFactorModel>): FactorModelFit {
  if (isUndefinedValue(result)) throw new Error(`undefined: ${result.reason}`);
  return result;
}

/** OLS by ml-matrix's QR on [1, X], the independent check of our numbers. */
function mlMatrixOls(y: Float64Array, factors: readonly Float64Array[]) {
  const n = y.length;
  const k = factors.length;
  const x = new Matrix(Array.from({ length: n }, (_, i) => [1, ...factors.map((f) => f[i]!)]));
  const qr = new QrDecomposition(x);
  const beta = qr.solve(Matrix.columnVector(Array.from(y))).getColumn(0);
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    let fit = beta[0]!;
    for (let j = 0; j < k; j++) fit += beta[j + 1]! * factors[j]![i]!;
    ssr += (y[i]! - fit) ** 2;
  }
  const r = qr.upperTriangularMatrix;
  const inverse = new QrDecomposition(r).solve(Matrix.eye(k + 1)); // R⁻¹
  const covarianceFactors = inverse.mmul(inverse.transpose()).diag();
  return { beta, ssr, covarianceFactors };
}

describe('fitFactorModel', () => {
  const n = 300;
  const mkt = noise(1, n, 0.02);
  const smb = noise(2, n, 0.01);
  const eps = noise(3, n, 0.004);
  const y = Float64Array.from(mkt, (m, i) => 0.0003 + 1.1 * m - 0.4 * smb[i]! + eps[i]!);

  it('matches OLS solved independently with ml-matrix QR (coefficients, SEs, R², residual vol)', () => {
    const fit = fitted(fitFactorModel(y, [mkt, smb], ['MKT', 'SMB']));
    const ref = mlMatrixOls(y, [mkt, smb]);
    const sigma2 = ref.ssr / (n - 3);
    expect(fit.intercept_daily).toBeCloseTo(ref.beta[0]!, 14);
    expect(fit.loadings['MKT']).toBeCloseTo(ref.beta[1]!, 12);
    expect(fit.loadings['SMB']).toBeCloseTo(ref.beta[2]!, 12);
    expect(fit.stderr_nonrobust['const']).toBeCloseTo(
      Math.sqrt(sigma2 * ref.covarianceFactors[0]!),
      14,
    );
    expect(fit.stderr_nonrobust['MKT']).toBeCloseTo(
      Math.sqrt(sigma2 * ref.covarianceFactors[1]!),
      12,
    );
    expect(fit.tvalues['SMB']).toBeCloseTo(
      ref.beta[2]! / Math.sqrt(sigma2 * ref.covarianceFactors[2]!),
      8,
    );
    const mean = y.reduce((s, v) => s + v, 0) / n;
    const sst = y.reduce((s, v) => s + (v - mean) ** 2, 0);
    expect(fit.r_squared).toBeCloseTo(1 - ref.ssr / sst, 12);
    expect(fit.adj_r_squared).toBeCloseTo(1 - ((1 - fit.r_squared) * (n - 1)) / (n - 3), 14);
    expect(fit.residual_ddof).toBe(n - 3);
    expect(fit.residual_vol_daily).toBeCloseTo(Math.sqrt(sigma2), 14);
    expect(fit.residual_vol_annual).toBeCloseTo(Math.sqrt(sigma2 * 252), 13);
    expect(fit.n_obs).toBe(n);
    expect(fit.k_factors).toBe(2);
    expect(fit.solver).toBe('cholesky');
  });

  it('recovers the coefficients of exactly linear data (via the QR route, R² = 1)', () => {
    const coefficient = fc.integer({ min: -300, max: 300 }).map((v) => v / 100);
    fc.assert(
      fc.property(coefficient, coefficient, coefficient, (a, b1, b2) => {
        fc.pre(b1 !== 0 || b2 !== 0); // otherwise y is constant: zero variance, tested below
        const exact = Float64Array.from(mkt, (m, i) => a / 100 + b1 * m + b2 * smb[i]!);
        const fit = fitted(fitFactorModel(exact, [mkt, smb], ['MKT', 'SMB']));
        expect(fit.solver).toBe('householder');
        expect(fit.intercept_daily).toBeCloseTo(a / 100, 12);
        expect(fit.loadings['MKT']).toBeCloseTo(b1, 10);
        expect(fit.loadings['SMB']).toBeCloseTo(b2, 10);
      }),
      { numRuns: 50 },
    );
  });

  it('gives the same numbers by either route on data near the switch-over', () => {
    const nearCollinear = Float64Array.from(mkt, (m, i) => m + 0.005 * smb[i]!);
    const fit = fitted(fitFactorModel(y, [mkt, nearCollinear], ['A', 'B']));
    expect(fit.solver).toBe('householder');
    const ref = mlMatrixOls(y, [mkt, nearCollinear]);
    expect(fit.loadings['A']).toBeCloseTo(ref.beta[1]!, 9);
    expect(fit.loadings['B']).toBeCloseTo(ref.beta[2]!, 9);
  });

  it('drops every row where y or any factor is NaN', () => {
    const yGaps = y.slice();
    const mktGaps = mkt.slice();
    yGaps[5] = NaN;
    mktGaps[17] = NaN;
    mktGaps[5] = NaN;
    const keep = Array.from({ length: n }, (_, i) => i).filter((i) => i !== 5 && i !== 17);
    const pick = (x: Float64Array) => Float64Array.from(keep, (i) => x[i]!);
    const withGaps = fitted(fitFactorModel(yGaps, [mktGaps, smb], ['MKT', 'SMB']));
    const withoutRows = fitted(fitFactorModel(pick(y), [pick(mkt), pick(smb)], ['MKT', 'SMB']));
    expect(withGaps.n_obs).toBe(n - 2);
    expect(withGaps.loadings['MKT']).toBeCloseTo(withoutRows.loadings['MKT']!, 14);
    expect(withGaps.stderr_nonrobust['const']).toBeCloseTo(
      withoutRows.stderr_nonrobust['const']!,
      15,
    );
  });

  it('is undefined with a reason for too few rows, a constant y, a constant or collinear factor', () => {
    const short = fitFactorModel(
      y.subarray(0, 3),
      [mkt.subarray(0, 3), smb.subarray(0, 3)],
      ['A', 'B'],
    );
    expect(short).toEqual({ value: null, reason: Reason.tooFewObservations });
    const flat = new Float64Array(n).fill(0.001);
    expect(fitFactorModel(flat, [mkt, smb], ['A', 'B'])).toEqual({
      value: null,
      reason: Reason.zeroVariance,
    });
    expect(fitFactorModel(y, [mkt, flat], ['A', 'B'])).toEqual({
      value: null,
      reason: Reason.singularDesign,
    });
    const twice = Float64Array.from(mkt, (m) => 2 * m);
    expect(fitFactorModel(y, [mkt, twice], ['A', 'B'])).toEqual({
      value: null,
      reason: Reason.singularDesign,
    });
  });

  it('gives null t-values, not Infinity, when the fit is perfect and a standard error is 0', () => {
    const x = Float64Array.of(1, 2, 3, 4);
    const fit = fitted(fitFactorModel(Float64Array.of(3, 5, 7, 9), [x], ['X']));
    expect(fit.loadings['X']).toBeCloseTo(2, 12);
    for (const t of Object.values(fit.tvalues)) expect(t === null || Number.isFinite(t)).toBe(true);
  });

  it('rejects series of different lengths and a wrong number of names', () => {
    expect(() => fitFactorModel(y, [mkt.subarray(1)], ['MKT'])).toThrow(FactorInputError);
    expect(() => fitFactorModel(y, [mkt], ['MKT', 'SMB'])).toThrow(/2 names/);
  });
});
