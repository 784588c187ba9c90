import { describe, expect, it } from 'vitest';
import { marginsComponent } from './marginsComponent.js';
import { normalizeFundamentals } from './normalizeFundamentals.js';

describe('marginsComponent', () => {
  it('skips years without positive revenue and scores operating margin alone when gross profit is absent', () => {
    const years = normalizeFundamentals(
      [
        { fiscal_year: 2019, revenue: 0, operating_income: 5 },
        { fiscal_year: 2020, revenue: 100, operating_income: 10 },
        { fiscal_year: 2021, revenue: 100, operating_income: 12 },
        { fiscal_year: 2022, revenue: 100, operating_income: 14 },
      ],
      10,
    );
    const result = marginsComponent(years);
    // operating margins 10 %, 12 %, 14 %: mean 12 % → 40 + 2/10·40 = 48; sample std 2 pp → 100 − 1/2·30 = 85
    // gross margin unavailable → (0.35·48 + 0.15·85)/0.5 = 59.1
    expect(result.value).toBeCloseTo((0.35 * 48 + 0.15 * 85) / 0.5, 10);
    expect(result.fiscalYears).toEqual([2020, 2021, 2022]);
    expect(result.reason).toBe(
      'gross margin available for 0 fiscal years, needs at least 3; ' +
        'operating margin averaged 12.0% over 3 years (2020–2022); operating margin varied by 2.00 pp (sample std)',
    );
  });
});
