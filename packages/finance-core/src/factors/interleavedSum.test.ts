import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interleavedSum } from './interleavedSum.js';

describe('interleavedSum', () => {
  it('sums the first n values of any length, the remainder included', () => {
    expect(interleavedSum(Float64Array.of(1, 2, 3, 4, 5), 5)).toBe(15);
    expect(interleavedSum(Float64Array.of(1, 2, 3, 4, 5), 3)).toBe(6);
    expect(interleavedSum(new Float64Array(0), 0)).toBe(0);
  });

  it('equals a plain loop on integers (exact) and propagates NaN', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 })), (values) => {
        expect(interleavedSum(Float64Array.from(values), values.length)).toBe(
          values.reduce((s, v) => s + v, 0),
        );
      }),
    );
    expect(interleavedSum(Float64Array.of(1, NaN, 3), 3)).toBeNaN();
  });
});
