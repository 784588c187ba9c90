import { describe, expect, it } from 'vitest';
import { mean, sampleStandardDeviation } from './seriesStatistics.js';

describe('series statistics', () => {
  it('mean of 1, 2, 6 is 3', () => {
    expect(mean(Float64Array.of(1, 2, 6))).toBe(3);
  });
  it('sample standard deviation uses n − 1', () => {
    // mean 5, squared deviations sum to 32, 32/7 = 4.571428…, √ = 2.138089935…
    expect(sampleStandardDeviation(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9))).toBeCloseTo(
      Math.sqrt(32 / 7),
      14,
    );
  });
});
