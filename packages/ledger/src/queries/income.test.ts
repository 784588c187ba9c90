import { describe, expect, it } from 'vitest';
import { loadLedgerText } from '../loader/loadLedger.js';
import { DIVIDEND_ACCOUNTS, incomeByPeriod, INTEREST_ACCOUNTS } from './income.js';

const { entries } = loadLedgerText(
  `
2024-01-01 open Assets:P:Cash:USD USD
2024-01-01 open Income:P:Dividends:KO USD
2024-01-01 open Income:P:Interest USD
2024-01-15 * "div"
  Assets:P:Cash:USD  10.00 USD
  Income:P:Dividends:KO
2024-01-31 * "interest"
  Assets:P:Cash:USD  0.42 USD
  Income:P:Interest
2024-03-15 * "div"
  Assets:P:Cash:USD  10.50 USD
  Income:P:Dividends:KO
2025-01-15 * "div"
  Assets:P:Cash:USD  11.00 USD
  Income:P:Dividends:KO
`,
  'i.beancount',
);

describe('incomeByPeriod', () => {
  it('sums dividends per year with Beancount signs (income negative)', () => {
    const rows = incomeByPeriod(entries, { accounts: DIVIDEND_ACCOUNTS, period: 'year' });
    expect(rows.map((r) => [r.period, r.account, r.amount.toString()])).toEqual([
      ['2024', 'Income:P:Dividends:KO', '-20.50'],
      ['2025', 'Income:P:Dividends:KO', '-11.00'],
    ]);
  });

  it('sums per month within inclusive bounds', () => {
    const rows = incomeByPeriod(entries, {
      accounts: DIVIDEND_ACCOUNTS,
      period: 'month',
      from: '2024-01-15',
      to: '2024-12-31',
    });
    expect(rows.map((r) => [r.period, r.amount.toString()])).toEqual([
      ['2024-01', '-10.00'],
      ['2024-03', '-10.50'],
    ]);
  });

  it('finds interest accounts', () => {
    const rows = incomeByPeriod(entries, { accounts: INTEREST_ACCOUNTS, period: 'year' });
    expect(rows.map((r) => [r.period, r.account, r.amount.toString()])).toEqual([
      ['2024', 'Income:P:Interest', '-0.42'],
    ]);
  });
});
