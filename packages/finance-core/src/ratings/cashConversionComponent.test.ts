import { describe, expect, it } from 'vitest';
import { cashConversionComponent, freeCashFlow } from './cashConversionComponent.js';
import { normalizeFundamentals } from './normalizeFundamentals.js';

const three = (rows: Record<string, number>[]) =>
  normalizeFundamentals(
    rows.map((row, i) => ({ fiscal_year: 2020 + i, ...row })),
    10,
  );

describe('cashConversionComponent', () => {
  it('prefers reported free cash flow, else operating cash flow − |capex|', () => {
    const [reported, derived] = three([
      { free_cash_flow: 5, operating_cash_flow: 100, capital_expenditure: 1 },
      { operating_cash_flow: 100, capital_expenditure: 30 },
    ]);
    expect(reported && freeCashFlow(reported)).toBe(5);
    expect(derived && freeCashFlow(derived)).toBe(70);
  });

  it('scores Σ FCF / Σ net income', () => {
    // Σ FCF = 30 + 40 + 50 = 120; Σ NI = 100 + 100 + 100 = 300; 0.4 → between (0, 0) and (0.5, 40): 32
    const result = cashConversionComponent(
      three([
        { net_income: 100, free_cash_flow: 30 },
        { net_income: 100, free_cash_flow: 40 },
        { net_income: 100, free_cash_flow: 50 },
      ]),
    );
    expect(result.value).toBeCloseTo(32, 12);
    expect(result.reason).toBe('free cash flow was 0.40× net income over 3 years (2020–2022)');
  });

  it('is null, not zero, when cumulative net income is not positive', () => {
    const result = cashConversionComponent(
      three([
        { net_income: -100, free_cash_flow: 30 },
        { net_income: 50, free_cash_flow: 40 },
        { net_income: 50, free_cash_flow: 50 },
      ]),
    );
    expect(result).toMatchObject({
      value: null,
      reason: 'cumulative net income over 3 years (2020–2022) is not positive',
    });
  });

  it('needs three years with both figures', () => {
    const result = cashConversionComponent(
      three([{ net_income: 1, free_cash_flow: 1 }, { net_income: 1 }]),
    );
    expect(result.reason).toBe(
      'free cash flow with net income available for 1 fiscal year, needs at least 3',
    );
  });
});
