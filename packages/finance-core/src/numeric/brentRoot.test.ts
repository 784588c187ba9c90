import { describe, expect, it } from 'vitest';
import { brentRoot } from './brentRoot.js';

describe('brentRoot', () => {
  it('finds √2 and the root of cos x − x to machine precision', () => {
    expect(brentRoot((x) => x * x - 2, 0, 2, -2, 2, 0)).toBeCloseTo(Math.SQRT2, 15);
    const f = (x: number) => Math.cos(x) - x;
    expect(Math.abs(f(brentRoot(f, 0, 1, f(0), f(1), 0)))).toBeLessThan(1e-15);
  });
  it('accepts the bracket in either order of signs', () => {
    expect(brentRoot((x) => 1 - x, 0, 3, 1, -2, 0)).toBe(1);
  });
});
