import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  independentValue,
  mixedReturns,
  relativelyClose,
} from '../../test-support/reference/empyricalFixtures.js';
import { Reason } from '../result/undefinedValue.js';
import { maxDrawdown } from './maxDrawdown.js';

describe('maxDrawdown', () => {
  it('matches the empyrical fixture (independent numpy)', () => {
    const d = maxDrawdown(mixedReturns, 0, mixedReturns.length);
    expect('nObs' in d && relativelyClose(d.value, independentValue('max_drawdown(mixed)'))).toBe(
      true,
    );
  });
  it('finds peak, trough and recovery rows; a missing row is never one of them', () => {
    const r = Float64Array.of(0.1, Number.NaN, -0.2, -0.5, 0.5, Number.NaN, 0.9, 0.1);
    // wealth: 1.1, (1.1), 0.88, 0.44, 0.66, (0.66), 1.254, …
    const d = maxDrawdown(r, 0, r.length);
    expect(d).toMatchObject({ peakRow: 0, troughRow: 3, recoveryRow: 6, nObs: 6 });
    expect('value' in d && d.value).toBeCloseTo(0.44 / 1.1 - 1, 15);
  });
  it('measures from the anchor (W₀ = 1) when the fall starts at once', () => {
    expect(maxDrawdown(Float64Array.of(-0.1, 0.05), 0, 2)).toMatchObject({
      peakRow: -1,
      troughRow: 0,
      recoveryRow: null,
    });
  });
  it('is 0 with no dates when wealth never falls, and null with no observation', () => {
    expect(maxDrawdown(Float64Array.of(0.01, 0, 0.02), 0, 3)).toEqual({
      value: 0,
      peakRow: null,
      troughRow: null,
      recoveryRow: null,
      nObs: 3,
    });
    expect(maxDrawdown(Float64Array.of(Number.NaN), 0, 1)).toEqual({
      value: null,
      reason: Reason.tooFewObservations,
    });
  });
  it('equals, bit for bit, the plain definition that divides on every row (skip test is exact)', () => {
    /** The definition as written: dd_t = W_t / peak_t − 1 on every observed row. */
    const plain = (r: Float64Array) => {
      let [wealth, peak, peakRow, worst, worstPeakRow, troughRow] = [1, 1, -1, 0, -1, -1];
      for (let i = 0; i < r.length; i++) {
        if (Number.isNaN(r[i]!)) continue;
        wealth *= 1 + r[i]!;
        if (wealth > peak) [peak, peakRow] = [wealth, i];
        if (wealth / peak - 1 < worst)
          [worst, troughRow, worstPeakRow] = [wealth / peak - 1, i, peakRow];
      }
      return { worst, troughRow, worstPeakRow };
    };
    const daily = fc.oneof(
      fc.double({ min: -0.2, max: 0.2, noNaN: true }),
      fc.constantFrom(Number.NaN, 0, -1, -1.5, 1e-17, -1e-17, 3),
    );
    fc.assert(
      fc.property(fc.array(daily, { minLength: 1, maxLength: 300 }), (values) => {
        const r = Float64Array.from(values);
        const d = maxDrawdown(r, 0, r.length);
        const p = plain(r);
        if (!('nObs' in d)) return r.every(Number.isNaN);
        expect(Object.is(d.value, p.worst)).toBe(true);
        expect(d.troughRow).toBe(p.troughRow < 0 ? null : p.troughRow);
        expect(d.peakRow).toBe(p.troughRow < 0 ? null : p.worstPeakRow);
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
