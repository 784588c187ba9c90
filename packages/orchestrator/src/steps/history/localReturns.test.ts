import { describe, expect, it } from 'vitest';
import { localReturns } from './localReturns.js';

describe('localReturns', () => {
  it('returns close over the last observed close, NaN on missing rows', () => {
    const out = localReturns(Float64Array.of(NaN, 100, 110, NaN, 121, 121));
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(0.1, 15);
    expect(out[3]).toBeNaN();
    expect(out[4]).toBeCloseTo(0.1, 15); // the move across the missing day lands here
    expect(out[5]).toBe(0);
  });
});
