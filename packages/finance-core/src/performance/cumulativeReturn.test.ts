import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualizedReturn, SUB_YEAR_PERIOD } from './annualizedReturn.js';
import { cumulativeReturn } from './cumulativeReturn.js';

const value = (x: ReturnType<typeof cumulativeReturn>) => x.value;

describe('cumulativeReturn (TWR)', () => {
  it('compounds the observations and skips missing ones', () => {
    expect(cumulativeReturn(Float64Array.of(0.1, Number.NaN, -0.05), 0, 3)).toEqual({
      value: 1.1 * 0.95 - 1,
      nObs: 2,
    });
    expect(cumulativeReturn(Float64Array.of(Number.NaN), 0, 1)).toEqual({ value: 0, nObs: 0 });
  });
  it('links multiplicatively over adjacent periods: 1 + R(a,c) = (1 + R(a,b))(1 + R(b,c))', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.constant(Number.NaN)),
          { minLength: 2, maxLength: 300 },
        ),
        fc.nat(),
        (list, cut) => {
          const r = Float64Array.from(list);
          const b = 1 + (cut % (r.length - 1));
          fc.pre(r.subarray(0, b).some((x) => x === x) && r.subarray(b).some((x) => x === x));
          const whole = value(cumulativeReturn(r, 0, r.length));
          const linked =
            (1 + value(cumulativeReturn(r, 0, b))) * (1 + value(cumulativeReturn(r, b, r.length))) -
            1;
          expect(Math.abs(whole - linked)).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(whole)),
          );
        },
      ),
    );
  });
});

describe('annualizedReturn (Actual/365)', () => {
  it('annualises periods of a year or more only', () => {
    expect(annualizedReturn(0.21, 730)).toBeCloseTo(0.1, 15);
    expect(annualizedReturn(0.1, 365)).toBe(0.10000000000000009);
    expect(annualizedReturn(0.1, 364)).toEqual({ value: null, reason: SUB_YEAR_PERIOD });
    expect(annualizedReturn(-1, 800)).toMatchObject({ value: null });
  });
});
