import { describe, expect, it } from 'vitest';
import { normalizeFundamentals } from './normalizeFundamentals.js';
import { profitabilityComponent, returnOnEquity } from './profitabilityComponent.js';

describe('returnOnEquity', () => {
  const [computed, reported, negative] = normalizeFundamentals(
    [
      { fiscal_year: 2020, net_income: 20, total_equity: 80, return_on_equity: 0.9 },
      { fiscal_year: 2021, net_income: 20, return_on_equity: 0.3 },
      { fiscal_year: 2022, net_income: 20, total_equity: -10, return_on_equity: -2 },
    ],
    10,
  );
  it('computes net income / equity first, falls back to the reported ROE, has none for equity ≤ 0', () => {
    expect(computed && returnOnEquity(computed)).toBe(0.25);
    expect(reported && returnOnEquity(reported)).toBe(0.3);
    expect(negative && returnOnEquity(negative)).toBeNull();
  });
});

describe('profitabilityComponent', () => {
  it('scores level and consistency', () => {
    // ROE 10 %, 12 %, 20 %: mean 14 % → between (10 %, 40) and (15 %, 70): 64;
    // 1 of 3 years ≥ 15 % → 33.3;  0.6·64 + 0.4·33.33 = 51.73
    const years = normalizeFundamentals(
      [0.1, 0.12, 0.2].map((return_on_equity, i) => ({ fiscal_year: 2020 + i, return_on_equity })),
      10,
    );
    const result = profitabilityComponent(years);
    expect(result.value).toBeCloseTo(0.6 * 64 + (0.4 * 100) / 3, 10);
    expect(result.reason).toBe(
      'ROE averaged 14.0% over 3 years (2020–2022); ROE below 15.0% in 2 of 3 years',
    );
  });
});
