import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUndefinedValue } from '../result/undefinedValue.js';
import { attributeFactorReturns } from './attributeFactorReturns.js';
import { FactorInputError } from './factorInputError.js';
import { fitFactorModel, type FactorModelFit } from './fitFactorModel.js';

const small = fc.integer({ min: -300, max: 300 }).map((v) => v / 10_000);

function fitOf(y: Float64Array, factors: Float64Array[], names: string[]): FactorModelFit | null {
  const fit = fitFactorModel(y, factors, names);
  return isUndefinedValue(fit) ? null : fit;
}

describe('attributeFactorReturns', () => {
  it('computes each part by hand on a small window', () => {
    const y = Float64Array.of(0.01, -0.02, 0.015, 0.005, NaN);
    const f = Float64Array.of(0.008, -0.01, 0.012, 0.001, 0.02);
    const fit = fitOf(y, [f], ['F'])!;
    const b = fit.loadings['F']!;
    const a = fit.intercept_daily;
    const out = attributeFactorReturns(y, [f], ['F'], fit);
    const total = 1.01 * 0.98 * 1.015 * 1.005 - 1;
    const factorReturn = 1.008 * 0.99 * 1.012 * 1.001 - 1;
    expect(out.attribution_compounded.total_return).toBeCloseTo(total, 15);
    expect(out.attribution_compounded.factor_period_returns['F']).toBeCloseTo(factorReturn, 15);
    expect(out.attribution_compounded.contributions['F']).toBeCloseTo(b * factorReturn, 15);
    expect(out.attribution_compounded.intercept_contribution).toBeCloseTo(4 * a, 16);
    expect(out.attribution_arithmetic.total_return_sum).toBeCloseTo(0.01, 15);
    expect(out.attribution_arithmetic.factor_sums['F']).toBeCloseTo(0.011, 15);
    expect(out.attribution_arithmetic.residual).toBeCloseTo(0, 15);
    expect(out.attribution_arithmetic.residual_sum_of_ols_residuals).toBeCloseTo(0, 15);
    // the last complete row is 3 (row 4 has no portfolio return)
    expect(out.last_day_decomposition.row).toBe(3);
    expect(out.last_day_decomposition.return).toBe(0.005);
    expect(out.last_day_decomposition.contributions['F']).toBeCloseTo(b * 0.001, 16);
    expect(out.last_day_decomposition.residual).toBeCloseTo(0.005 - b * 0.001 - a, 16);
  });

  it('parts sum to the total (compounded, arithmetic, last day) for any data', () => {
    const rows = fc.array(fc.tuple(small, small, small), { minLength: 5, maxLength: 60 });
    fc.assert(
      fc.property(rows, (data) => {
        const y = Float64Array.from(data, (r) => r[0]);
        const f1 = Float64Array.from(data, (r) => r[1]);
        const f2 = Float64Array.from(data, (r) => r[2]);
        const fit = fitOf(y, [f1, f2], ['A', 'B']);
        fc.pre(fit !== null);
        const out = attributeFactorReturns(y, [f1, f2], ['A', 'B'], fit!);
        const sum = (parts: Readonly<Record<string, number>>) =>
          Object.values(parts).reduce((s, v) => s + v, 0);
        const c = out.attribution_compounded;
        expect(
          Math.abs(sum(c.contributions) + c.intercept_contribution + c.residual - c.total_return),
        ).toBeLessThan(1e-15);
        expect(c.check_sum).toBe(sum(c.contributions) + c.intercept_contribution + c.residual);
        const a = out.attribution_arithmetic;
        expect(
          Math.abs(
            sum(a.contributions) + a.intercept_contribution + a.residual - a.total_return_sum,
          ),
        ).toBeLessThan(1e-15);
        expect(Math.abs(a.residual)).toBeLessThan(1e-12); // OLS with an intercept: residuals sum to 0
        const d = out.last_day_decomposition;
        expect(Math.abs(sum(d.contributions) + d.intercept + d.residual - d.return)).toBeLessThan(
          1e-15,
        );
      }),
    );
  });

  it('sums the OLS residuals row by row for one to eight factors (one or two groups per pass)', () => {
    const data = fc.integer({ min: 1, max: 8 }).chain((k) =>
      fc.array(fc.array(small, { minLength: k + 1, maxLength: k + 1 }), {
        minLength: k + 3,
        maxLength: 40,
      }),
    );
    fc.assert(
      fc.property(data, (rows) => {
        const k = rows[0]!.length - 1;
        const y = Float64Array.from(rows, (r) => r[k]!);
        const factors = Array.from({ length: k }, (_, j) => Float64Array.from(rows, (r) => r[j]!));
        const names = factors.map((_, j) => `F${j}`);
        const fit = fitOf(y, factors, names);
        fc.pre(fit !== null);
        const out = attributeFactorReturns(y, factors, names, fit!);
        let direct = 0;
        y.forEach((yi, i) => {
          let fitted = fit!.intercept_daily;
          names.forEach((name, j) => (fitted += fit!.loadings[name]! * factors[j]![i]!));
          direct += yi - fitted;
        });
        expect(out.attribution_arithmetic.residual_sum_of_ols_residuals).toBeCloseTo(direct, 13);
      }),
    );
  });

  it('rejects a fit of other factors or other rows', () => {
    const y = Float64Array.of(0.01, -0.02, 0.015, 0.005, 0.002);
    const f = Float64Array.of(0.008, -0.01, 0.012, 0.001, 0.003);
    const fit = fitOf(y, [f], ['F'])!;
    expect(() => attributeFactorReturns(y, [f], ['G'], fit)).toThrow(FactorInputError);
    expect(() => attributeFactorReturns(y.subarray(1), [f.subarray(1)], ['F'], fit)).toThrow(
      /fitted on/,
    );
  });
});
