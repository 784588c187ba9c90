import { describe, expect, it } from 'vitest';
import { decomposeCurrencyReturn } from './decomposeCurrencyReturn.js';

describe('decomposeCurrencyReturn', () => {
  it('splits a base return into local, FX and cross parts that sum to the total', () => {
    const d = decomposeCurrencyReturn(0.1, 0.05);
    expect(d.cross).toBeCloseTo(0.005, 16);
    expect(d.total).toBeCloseTo(1.1 * 1.05 - 1, 15);
    expect(d.local + d.fx + d.cross).toBe(d.total);
  });
});
