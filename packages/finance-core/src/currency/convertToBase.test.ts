import { describe, expect, it } from 'vitest';
import { convertToBase } from './convertToBase.js';

describe('convertToBase', () => {
  it('converts local values at base-per-local rates', () => {
    expect(
      Array.from(
        convertToBase(Float64Array.of(100, 110, Number.NaN), Float64Array.of(1.1, 1.2, 1.3)),
      ),
    ).toEqual([110.00000000000001, 132, Number.NaN]);
  });
});
