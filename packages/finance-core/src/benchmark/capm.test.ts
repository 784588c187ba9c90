import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUndefinedValue, Reason } from '../result/undefinedValue.js';
import { capm } from './capm.js';

/** Textbook simple regression from raw sums (an independent, straightforward computation). */
function naiveOls(x: number[], y: number[]) {
  const n = x.length;
  const sx = x.reduce((a, b) => a + b, 0);
  const sy = y.reduce((a, b) => a + b, 0);
  const sxx = x.reduce((a, b) => a + b * b, 0) - (sx * sx) / n;
  const sxy = x.reduce((a, b, i) => a + b * y[i]!, 0) - (sx * sy) / n;
  const beta = sxy / sxx;
  const alpha = sy / n - (beta * sx) / n;
  const sse = y.reduce((a, yi, i) => a + (yi - alpha - beta * x[i]!) ** 2, 0);
  const syy = y.reduce((a, b) => a + b * b, 0) - (sy * sy) / n;
  const s2 = sse / (n - 2);
  return {
    beta,
    alpha,
    r2: 1 - sse / syy,
    seBeta: Math.sqrt(s2 / sxx),
    seAlpha: Math.sqrt(s2 * (1 / n + (sx / n) ** 2 / sxx)),
  };
}

/** Daily returns in whole basis points of ±5% (well-conditioned data for the textbook formulas). */
const basisPoints = fc.integer({ min: -500, max: 500 }).map((bp) => bp / 1e4);

describe('capm on excess returns', () => {
  it('recovers an exactly linear relation: β, α, R² = 1 and zero standard errors', () => {
    const b = Float64Array.of(0.01, -0.02, 0.005, 0.03, -0.01);
    const rf = Float64Array.of(0.0001, 0.0001, 0.0002, 0.0001, 0.0001);
    const r = b.map((bi, i) => rf[i]! + 0.0005 + 1.5 * (bi - rf[i]!));
    const m = capm(r, b, rf, 0, 5);
    if (isUndefinedValue(m)) throw new Error(m.reason);
    expect(m.beta).toBeCloseTo(1.5, 13);
    expect(m.alphaDaily).toBeCloseTo(0.0005, 15);
    expect(m.alphaAnnualArithmetic).toBeCloseTo(0.126, 12);
    expect(m.alphaAnnualGeometric).toBeCloseTo(Math.pow(1.0005, 252) - 1, 12);
    expect(m.rSquared).toBeCloseTo(1, 12);
    expect(m.betaStderr).toBeLessThan(1e-12);
  });
  it('agrees with a textbook regression on random data, rows with NaN dropped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(basisPoints, basisPoints), { minLength: 5, maxLength: 80 }),
        (pairs) => {
          const b = Float64Array.from(pairs, (p) => p[0]);
          const r = Float64Array.from(pairs, (p, i) => (i === 2 ? Number.NaN : 0.8 * p[0] + p[1]));
          const rf = new Float64Array(pairs.length).fill(0.0001);
          const keep = pairs.map((_, i) => i).filter((i) => i !== 2);
          const ref = naiveOls(
            keep.map((i) => b[i]! - 0.0001),
            keep.map((i) => r[i]! - 0.0001),
          );
          const m = capm(r, b, rf, 0, pairs.length);
          fc.pre(!isUndefinedValue(m) && Number.isFinite(ref.beta) && Math.abs(ref.r2) < 1 - 1e-6);
          if (isUndefinedValue(m)) return;
          expect(m.nObs).toBe(keep.length);
          expect(m.beta).toBeCloseTo(ref.beta, 8);
          expect(m.alphaDaily).toBeCloseTo(ref.alpha, 10);
          expect(m.betaStderr).toBeCloseTo(ref.seBeta, 8);
          expect(m.alphaDailyStderr).toBeCloseTo(ref.seAlpha, 10);
          expect(m.rSquared as number).toBeCloseTo(ref.r2, 8);
        },
      ),
    );
  });
  it('is null below three observations or with a constant benchmark', () => {
    const z = new Float64Array(4);
    expect(
      capm(Float64Array.of(0.1, 0.2), Float64Array.of(0.1, 0.3), Float64Array.of(0, 0), 0, 2),
    ).toMatchObject({ reason: Reason.tooFewObservations });
    expect(capm(Float64Array.of(0.1, 0.2, 0.3, 0), z, z, 0, 4)).toMatchObject({
      reason: Reason.singularDesign,
    });
  });
});
