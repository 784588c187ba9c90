import { describe, expect, it } from 'vitest';
import { loadLedgerText } from '../loader/loadLedger.js';
import { cashAsOf } from './cash.js';

const { entries } = loadLedgerText(
  `
2024-01-01 open Assets:P:Cash:USD USD
2024-01-01 open Assets:P:Securities:KO KO
2024-01-01 open Liabilities:Card USD
2024-01-01 open Equity:Open
2024-01-02 * "fund"
  Assets:P:Cash:USD  1000.00 USD
  Equity:Open
2024-01-03 * "buy"
  Assets:P:Securities:KO  10 KO {60.00 USD}
  Assets:P:Cash:USD
2024-01-04 * "card"
  Liabilities:Card  -5.00 USD
  Equity:Open
2024-01-05 * "repay"
  Liabilities:Card  5.00 USD
  Assets:P:Cash:USD
`,
  'c.beancount',
);

describe('cashAsOf', () => {
  it('sums units held without cost on asset and liability accounts, as of the date inclusive', () => {
    expect(
      cashAsOf(entries, '2024-01-04').map((c) => [c.account, c.currency, c.balance.toString()]),
    ).toEqual([
      ['Assets:P:Cash:USD', 'USD', '400.00'],
      ['Liabilities:Card', 'USD', '-5.00'],
    ]);
  });

  it('keeps an account whose postings sum to zero, like bean-query sum(number)', () => {
    expect(cashAsOf(entries, '2024-01-05').map((c) => [c.account, c.balance.toString()])).toEqual([
      ['Assets:P:Cash:USD', '395.00'],
      ['Liabilities:Card', '0.00'],
    ]);
  });
});
