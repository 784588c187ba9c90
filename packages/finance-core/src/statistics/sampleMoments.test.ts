import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactSum } from '../../test-support/reference/exactSum.js';
import { sampleMoments } from './sampleMoments.js';

describe('sampleMoments', () => {
  it('mean and sample deviation of x − y, NaN rows dropped (hand-computed)', () => {
    const m = sampleMoments(
      Float64Array.of(2, 3, Number.NaN, 4),
      Float64Array.of(1, 1, 1, Number.NaN),
      0,
      4,
    );
    expect(m).toEqual({ n: 2, mean: 1.5, std: Math.SQRT1_2 });
    expect(sampleMoments(Float64Array.of(1), null, 0, 1).std).toBeNaN();
  });
  it('keeps a heavily cancelling mean within the compensated-sum bound 2ε|S| + nε²Σ|x|', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), {
          minLength: 2,
          maxLength: 400,
        }),
        (list) => {
          const x = Float64Array.from([...list, ...list.map((v) => -v * (1 - 1e-6))]);
          const exact = exactSum(x) / x.length;
          let absoluteSum = 0;
          for (const v of x) absoluteSum += Math.abs(v);
          const eps = Number.EPSILON;
          // the bound of the title, divided by n as the mean is: 2ε|S|/n + nε²Σ|x|/n
          const bound = 2 * eps * Math.abs(exact) + eps * eps * absoluteSum;
          expect(Math.abs(sampleMoments(x, null, 0, x.length).mean - exact)).toBeLessThanOrEqual(
            bound,
          );
        },
      ),
    );
  });
});
