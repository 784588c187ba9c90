import { describe, expect, it } from 'vitest';
import { compoundedGrowth } from './compoundedGrowth.js';

describe('compoundedGrowth', () => {
  it('is ∏(1 + r) for short and long series', () => {
    expect(compoundedGrowth(Float64Array.of(0.1, -0.1))).toBeCloseTo(0.99, 15);
    const daily = Float64Array.from({ length: 11 }, (_, i) => (i % 3) / 100 - 0.005);
    const sequential = daily.reduce((p, r) => p * (1 + r), 1);
    expect(compoundedGrowth(daily)).toBeCloseTo(sequential, 15);
    expect(compoundedGrowth(new Float64Array(0))).toBe(1);
  });

  it('is NaN when a return is missing', () => {
    expect(compoundedGrowth(Float64Array.of(0.01, NaN))).toBeNaN();
  });
});
