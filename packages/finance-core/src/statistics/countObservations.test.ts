import { describe, expect, it } from 'vitest';
import { countObservations } from './countObservations.js';

describe('countObservations', () => {
  it('counts rows where every series has a number', () => {
    const a = Float64Array.of(1, Number.NaN, 3, 4);
    const b = Float64Array.of(1, 2, Number.NaN, 4);
    expect(countObservations([a], 0, 4)).toBe(3);
    expect(countObservations([a, b], 0, 4)).toBe(2);
    expect(countObservations([a, b], 1, 3)).toBe(0);
  });
});
