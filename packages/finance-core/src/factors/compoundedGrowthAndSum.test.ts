import { describe, expect, it } from 'vitest';
import { compoundedGrowthAndSum } from './compoundedGrowthAndSum.js';

describe('compoundedGrowthAndSum', () => {
  const totals = (x: Float64Array) => {
    const growth = new Float64Array(2);
    const sums = new Float64Array(2);
    compoundedGrowthAndSum(x, growth, sums, 1);
    return [growth[1]!, sums[1]!];
  };

  it('gives ∏(1 + r) and Σ r for short and long series', () => {
    const [g, s] = totals(Float64Array.of(0.1, -0.1));
    expect(g).toBeCloseTo(0.99, 15);
    expect(s).toBeCloseTo(0, 15);
    const daily = Float64Array.from({ length: 11 }, (_, i) => (i % 3) / 100 - 0.005);
    const [growth, sum] = totals(daily);
    expect(growth).toBeCloseTo(
      daily.reduce((p, r) => p * (1 + r), 1),
      15,
    );
    expect(sum).toBeCloseTo(
      daily.reduce((a, r) => a + r, 0),
      15,
    );
    expect(totals(new Float64Array(0))).toEqual([1, 0]);
  });

  it('is NaN when a return is missing', () => {
    expect(totals(Float64Array.of(0.01, NaN))).toEqual([NaN, NaN]);
  });
});
