import { describe, expect, it } from 'vitest';
import { sumOf } from './sumOf.js';

describe('sumOf', () => {
  it('adds one detail over every batch and is 0 without batches', () => {
    expect(sumOf([{ portfolios: 500, other: 1 }, { portfolios: 120 }], 'portfolios')).toBe(620);
    expect(sumOf([], 'portfolios')).toBe(0);
  });
});
