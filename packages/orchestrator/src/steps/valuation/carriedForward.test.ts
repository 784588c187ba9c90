import { describe, expect, it } from 'vitest';
import { carriedForward } from './carriedForward.js';

describe('carriedForward', () => {
  it('fills gaps with the last value and leaves leading gaps', () => {
    expect([...carriedForward(Float64Array.of(NaN, 1, NaN, NaN, 2, NaN))]).toEqual([
      NaN,
      1,
      1,
      1,
      2,
      2,
    ]);
  });
});
