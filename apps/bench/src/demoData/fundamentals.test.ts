import { describe, expect, it } from 'vitest';
import { readCsvTable } from './csv.js';
import { buildFundamentals } from './fundamentals.js';

const source = {
  symbol: 'PG',
  currency: 'USD',
  fiscalYearEnd: '06-30',
  recent: { path: 'PG.csv', origin: 't', licence: 't' },
};

describe('buildFundamentals', () => {
  it('dates fiscal years at the year-end day, keeps values exactly and drops periods after the last date', () => {
    const text =
      'Total Revenue,Gross Profit,Net Income,EPS,Operating Income,Year\n84039000000.0,43191000000.0,14879000000.0,6.18,19886000000.0,2024\n82006000000.0,,14653000000.0,6.07,18134000000.0,2023\n';
    const f = buildFundamentals(source, text, undefined, '2024-03-08');
    expect(f.periods).toEqual([
      {
        fiscal_year: '2023',
        period_end: '2023-06-30',
        revenue: '82006000000',
        gross_profit: null,
        operating_income: '18134000000',
        net_income: '14653000000',
        eps_diluted: '6.07',
        interest_expense: null,
        total_debt: null,
        total_equity: null,
        operating_cash_flow: null,
        capital_expenditure: null,
        free_cash_flow: null,
        shares_diluted: null,
        return_on_equity: null,
      },
    ]);
  });
  it('names file and line of a value that is not a number', () => {
    const text =
      'Total Revenue,Gross Profit,Net Income,EPS,Operating Income,Year\nabc,1,1,1,1,2020\n';
    expect(() => buildFundamentals(source, text, undefined, '2024-03-08')).toThrow(
      'PG.csv:2: expected a number, found "abc"',
    );
  });
  it('gives null return on equity when equity is not positive', () => {
    const kaggle = readCsvTable(
      'Ticker Symbol,Period Ending,For Year,Total Revenue,Gross Profit,Operating Income,Net Income,Interest Expense,Long-Term Debt,Short-Term Debt / Current Portion of Long-Term Debt,Total Equity,Net Cash Flow-Operating,Capital Expenditures,Earnings Per Share,Estimated Shares Outstanding\nX,6/30/2015,,1,1,1,5,1,1,1,-3,1,1,1,1\n',
      'k.csv',
    );
    const f = buildFundamentals(
      { symbol: 'X', currency: 'USD', fiscalYearEnd: '06-30', kaggleTicker: 'X' },
      undefined,
      kaggle,
      '2024-03-08',
    );
    expect(f.periods[0]).toMatchObject({
      fiscal_year: '2015',
      period_end: '2015-06-30',
      return_on_equity: null,
      total_debt: '2',
    });
  });
});
