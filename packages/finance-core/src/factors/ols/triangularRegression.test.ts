import { describe, expect, it } from 'vitest';
import { triangularRegression } from './triangularRegression.js';

describe('triangularRegression', () => {
  it('solves a hand-computed simple regression: x = 1, 2, 3, y = 2, 3, 5', () => {
    // centred x = −1, 0, 1; centred y = −4/3, −1/3, 5/3: Σx² = 2, Σxy = 3, Σy² = 14/3.
    // R = chol([[2, 3], [3, 14/3]]) = [[√2, 3/√2], [0, √(14/3 − 9/2)]].
    const r = Float64Array.of(Math.SQRT2, 3 / Math.SQRT2, 0, Math.sqrt(14 / 3 - 4.5));
    const ols = triangularRegression(r, Float64Array.of(2, 10 / 3), 3);
    expect(ols.slopes[0]).toBeCloseTo(1.5, 14); // Σxy / Σx²
    expect(ols.intercept).toBeCloseTo(10 / 3 - 3, 14); // ȳ − b·x̄
    expect(ols.ssr).toBeCloseTo(1 / 6, 14); // residuals 1/6, −1/3, 1/6
    expect(ols.sst).toBeCloseTo(14 / 3, 14);
    expect(ols.varianceFactors[1]).toBeCloseTo(0.5, 14); // 1 / Σx²
    expect(ols.varianceFactors[0]).toBeCloseTo(1 / 3 + 4 / 2, 14); // 1/n + x̄² / Σx²
  });
});
