import { describe, expect, it } from 'vitest';
import { convertToBase } from './convertToBase.js';
import { decomposeCurrencyReturn } from './decomposeCurrencyReturn.js';
import { hedgedBenchmarkReturns } from './hedgedBenchmarkReturns.js';

describe('currency', () => {
  it('converts local values at base-per-local rates', () => {
    expect(
      Array.from(
        convertToBase(Float64Array.of(100, 110, Number.NaN), Float64Array.of(1.1, 1.2, 1.3)),
      ),
    ).toEqual([110.00000000000001, 132, Number.NaN]);
  });
  it('splits a base return into local, FX and cross parts that sum to the total', () => {
    const d = decomposeCurrencyReturn(0.1, 0.05);
    expect(d.cross).toBeCloseTo(0.005, 16);
    expect(d.total).toBeCloseTo(1.1 * 1.05 - 1, 15);
    expect(d.local + d.fx + d.cross).toBe(d.total);
  });
  it('recovers the local (FX-hedged) benchmark return from base and FX returns', () => {
    const base = Float64Array.of(1.1 * 1.05 - 1, 0.9 * 0.98 - 1);
    const local = hedgedBenchmarkReturns(base, Float64Array.of(0.05, -0.02));
    expect(local[0]).toBeCloseTo(0.1, 15);
    expect(local[1]).toBeCloseTo(-0.1, 15);
  });
});
