import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { piecewiseLinear, type ScoreAnchor } from './piecewiseLinear.js';

const rising: readonly ScoreAnchor[] = [
  [0, 0],
  [0.1, 40],
  [0.15, 70],
];
const falling: readonly ScoreAnchor[] = [
  [0.01, 100],
  [0.03, 70],
  [0.1, 0],
];

describe('piecewiseLinear', () => {
  it('returns the anchor score at an anchor', () => {
    expect(piecewiseLinear(0.1, rising)).toBe(40);
    expect(piecewiseLinear(0.03, falling)).toBe(70);
  });
  it('interpolates between anchors', () => {
    // halfway from (0.10, 40) to (0.15, 70) → 55
    expect(piecewiseLinear(0.125, rising)).toBeCloseTo(55, 12);
    // from (0.03, 70) to (0.10, 0): 0.065 is halfway → 35
    expect(piecewiseLinear(0.065, falling)).toBeCloseTo(35, 12);
  });
  it('clamps outside the anchors', () => {
    expect(piecewiseLinear(-1, rising)).toBe(0);
    expect(piecewiseLinear(9, rising)).toBe(70);
    expect(piecewiseLinear(0, falling)).toBe(100);
    expect(piecewiseLinear(1, falling)).toBe(0);
  });
  it('rejects an empty curve', () => {
    expect(() => piecewiseLinear(1, [])).toThrow(RangeError);
  });
  it('is monotone along a rising curve and stays within its score range', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (a, b) => {
          const lo = Math.min(a, b);
          const hi = Math.max(a, b);
          const sLo = piecewiseLinear(lo, rising);
          const sHi = piecewiseLinear(hi, rising);
          return sLo <= sHi && sLo >= 0 && sHi <= 70;
        },
      ),
    );
  });
});
