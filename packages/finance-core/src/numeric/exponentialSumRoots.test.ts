import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brentRoot } from './brentRoot.js';
import { exponentialSumRoots } from './exponentialSumRoots.js';

const f = (c: number[], t: number[], v: number) =>
  c.reduce((s, ci, i) => s + ci * Math.exp(-v * t[i]!), 0);

/** Independent brute force: sign changes of f on a fine grid over [−4, 4], each bisected. */
function gridRoots(c: number[], t: number[]): number[] {
  const roots: number[] = [];
  const steps = 8000;
  let a = -4;
  let fa = f(c, t, a);
  for (let k = 1; k <= steps; k++) {
    const b = -4 + (8 * k) / steps;
    const fb = f(c, t, b);
    if (fa === 0) roots.push(a);
    else if ((fa < 0 && fb > 0) || (fa > 0 && fb < 0)) {
      roots.push(brentRoot((v) => f(c, t, v), a, b, fa, fb, 1e-15));
    }
    a = b;
    fa = fb;
  }
  return roots;
}

const amount = fc.integer({ min: -5000, max: 5000 }).filter((x) => x !== 0);
const history = fc
  .tuple(
    fc.integer({ min: 1000, max: 100_000 }),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), amount), { minLength: 1, maxLength: 30 }),
  )
  .map(([start, flows]) => {
    const c = [-start, ...flows.map(([, a]) => a)];
    const t = [0];
    for (const [gap] of flows) t.push(t[t.length - 1]! + gap / 365);
    return { c, t };
  });

describe('exponentialSumRoots', () => {
  it('finds ln(1.1) for −100 now and +110 in a year', () => {
    const { roots, complete } = exponentialSumRoots([-100, 110], [0, 1]);
    expect(complete).toBe(true);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toBeCloseTo(Math.log(1.1), 15);
  });
  it('finds both roots of −100, +230, −132 (rates 10% and 20%)', () => {
    const { roots } = exponentialSumRoots([-100, 230, -132], [0, 1, 2]);
    expect(roots.map(Math.expm1).map((x) => +x.toFixed(12))).toEqual([0.1, 0.2]);
  });
  it('reports every root a fine grid finds, and no other, on random histories', () => {
    fc.assert(
      fc.property(history, ({ c, t }) => {
        const expected = gridRoots(c, t).filter((v) => Math.abs(v) < 3.9);
        const { roots, complete } = exponentialSumRoots(c, t, -4, 4);
        fc.pre(complete);
        const inside = roots.filter((v) => Math.abs(v) < 3.9);
        expect(inside).toHaveLength(expected.length);
        inside.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-9));
      }),
      { numRuns: 300 },
    );
  });
});
