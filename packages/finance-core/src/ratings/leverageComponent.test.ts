import { describe, expect, it } from 'vitest';
import { leverageComponent } from './leverageComponent.js';
import { normalizeFundamentals } from './normalizeFundamentals.js';

describe('leverageComponent', () => {
  it('uses the latest year reporting each figure', () => {
    const years = normalizeFundamentals(
      [
        {
          fiscal_year: 2020,
          total_debt: 50,
          total_equity: 100,
          operating_income: 30,
          interest_expense: 10,
        },
        { fiscal_year: 2021, total_debt: 150, total_equity: 100 },
      ],
      10,
    );
    const result = leverageComponent(years);
    // D/E 2021 = 1.5 → between (1, 70) and (2, 30): 50;  coverage 2020 = 3× → 40;  (50 + 40)/2 = 45
    expect(result.value).toBeCloseTo(45, 12);
    expect(result.fiscalYears).toEqual([2020, 2021]);
    expect(result.reason).toBe(
      'debt/equity 1.50× in 2021; operating income covered interest 3.00× in 2020',
    );
  });

  it('scores negative equity 0 and zero interest expense 100, with reasons', () => {
    const years = normalizeFundamentals(
      [
        {
          fiscal_year: 2022,
          total_debt: 10,
          total_equity: -5,
          operating_income: 7,
          interest_expense: 0,
        },
      ],
      10,
    );
    const result = leverageComponent(years);
    expect(result.value).toBe(50);
    expect(result.measures.map((m) => [m.value, m.score])).toEqual([
      [null, 0],
      [null, 100],
    ]);
    expect(result.reason).toBe(
      'total equity 2022 is not positive (liabilities exceed assets): scored 0; ' +
        'no interest expense in 2022: coverage unbounded, scored 100',
    );
  });

  it('uses the magnitude of interest expense reported as a negative number', () => {
    const years = normalizeFundamentals(
      [{ fiscal_year: 2022, operating_income: 80, interest_expense: -10 }],
      10,
    );
    // 80/10 = 8× → 80; debt/equity unavailable → the component is the coverage score alone
    expect(leverageComponent(years).value).toBe(80);
  });

  it('is null with a reason when neither ratio can be formed', () => {
    const result = leverageComponent(
      normalizeFundamentals([{ fiscal_year: 2022, revenue: 1 }], 10),
    );
    expect(result).toMatchObject({
      value: null,
      reason:
        'no year reports both total debt and total equity; no year reports both operating income and interest expense',
    });
  });
});
