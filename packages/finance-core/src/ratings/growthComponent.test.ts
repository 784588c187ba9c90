import { describe, expect, it } from 'vitest';
import { growthComponent } from './growthComponent.js';
import { normalizeFundamentals } from './normalizeFundamentals.js';

describe('growthComponent', () => {
  it('counts a collapse to a loss as −100 % EPS growth and skips gaps in the down-year count', () => {
    const years = normalizeFundamentals(
      [
        { fiscal_year: 2018, revenue: 100, eps_diluted: 2 },
        { fiscal_year: 2019, revenue: 110, eps_diluted: 1 },
        // 2020 missing: 2019 → 2021 is not a year-over-year step
        { fiscal_year: 2021, revenue: 121, eps_diluted: -1 },
        { fiscal_year: 2022, revenue: 133.1, eps_diluted: -0.5 },
      ],
      10,
    );
    const result = growthComponent(years);
    // revenue CAGR (133.1/100)^(1/4) − 1 = 7.39 % → 60 + 2.39/5·25 = 71.95
    // EPS 2 → −0.5: counted as −100 % → 0
    // steps: revenue 2018→19 ↑, 2021→22 ↑ (0 of 2 down); EPS 2→1 ↓, −1→−0.5 ↑ (1 of 2) → 1/4 = 25 % → 50
    // growth = 0.3·71.95 + 0.3·0 + 0.4·50 = 41.59
    const revenueCagr = Math.pow(1.331, 1 / 4) - 1;
    const revenueScore = 60 + ((revenueCagr - 0.05) / 0.05) * 25;
    expect(result.measures.map((m) => m.score)).toEqual([
      expect.closeTo(revenueScore, 10),
      0,
      expect.closeTo(50, 12),
    ]);
    expect(result.value).toBeCloseTo(0.3 * revenueScore + 0.4 * 50, 10);
    expect(result.measures[1]?.reason).toBe(
      'EPS CAGR -100.0% a year from 2018 to 2022 (EPS 2022 is not positive: counted as −100%)',
    );
  });

  it('leaves EPS growth out when the first EPS is not positive', () => {
    const years = normalizeFundamentals(
      [-1, 1, 2].map((eps_diluted, i) => ({ fiscal_year: 2020 + i, eps_diluted, revenue: 100 })),
      10,
    );
    const result = growthComponent(years);
    expect(result.measures[1]).toMatchObject({
      score: null,
      reason: 'EPS growth undefined: EPS 2020 is not positive',
    });
    // revenue flat: CAGR 0 → 30; no declines in 4 steps → 100; (0.3·30 + 0.4·100)/0.7 = 70
    expect(result.value).toBeCloseTo(70, 12);
  });
});
