import { describe, expect, it } from 'vitest';
import { normalizeFundamentals } from './normalizeFundamentals.js';
import { shareCountComponent } from './shareCountComponent.js';

describe('shareCountComponent', () => {
  it('rewards buybacks and penalises dilution', () => {
    const shares = (counts: number[]) =>
      shareCountComponent(
        normalizeFundamentals(
          counts.map((shares_diluted, i) => ({ fiscal_year: 2020 + i, shares_diluted })),
          10,
        ),
      ).value;
    // 1000 → 940.9: (0.9409)^(1/2) − 1 = −3 % → 100
    expect(shares([1000, 970, 940.9])).toBeCloseTo(100, 10);
    // 1000 → 1020.1: +1 % a year → 70 − 1/2·30 = 55
    expect(shares([1000, 1010, 1020.1])).toBeCloseTo(55, 10);
    // +10 % a year → 0
    expect(shares([100, 110, 121])).toBe(0);
  });
});
