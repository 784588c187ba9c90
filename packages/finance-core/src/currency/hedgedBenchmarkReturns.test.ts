import { describe, expect, it } from 'vitest';
import { hedgedBenchmarkReturns } from './hedgedBenchmarkReturns.js';

describe('hedgedBenchmarkReturns', () => {
  it('recovers the local (FX-hedged) benchmark return from base and FX returns', () => {
    const base = Float64Array.of(1.1 * 1.05 - 1, 0.9 * 0.98 - 1);
    const local = hedgedBenchmarkReturns(base, Float64Array.of(0.05, -0.02));
    expect(local[0]).toBeCloseTo(0.1, 15);
    expect(local[1]).toBeCloseTo(-0.1, 15);
  });
});
