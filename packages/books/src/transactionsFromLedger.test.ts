import { loadLedgerText } from '@truth-spine/ledger';
import { describe, expect, it } from 'vitest';
import { transactionsFromLedger } from './transactionsFromLedger.js';

const ledger = `
2023-01-01 open Assets:P:Cash:USD USD
2023-01-01 open Assets:P:Cash:EUR EUR
2023-01-01 open Assets:P:Securities:KO KO
2023-01-01 open Assets:P:Securities:PG PG
2023-01-01 open Income:P:Dividends:KO USD
2023-01-01 open Income:P:CapitalGains USD
2023-01-01 open Expenses:P:Fees USD
2023-01-01 open Equity:P:Contributions
2023-01-01 open Assets:Q:Cash:USD USD
2023-01-01 open Equity:Q:Contributions
2023-01-01 open Expenses:Bank

2023-01-02 * "deposit"
  Assets:P:Cash:USD  10000.00 USD
  Equity:P:Contributions

2023-01-03 * "buy KO with commission"
  external_id: "B-1"
  Assets:P:Securities:KO  100 KO {60.10 USD}
  Expenses:P:Fees  4.95 USD
  Assets:P:Cash:USD  -6014.95 USD

2023-02-01 * "KO 2-for-1"
  Assets:P:Securities:KO  -100 KO {60.10 USD, 2023-01-03}
  Assets:P:Securities:KO  200 KO {30.05 USD, 2023-01-03}

2023-03-01 * "sell KO"
  Assets:P:Securities:KO  -50 KO {30.05 USD, 2023-01-03} @ 32.00 USD
  Assets:P:Cash:USD  1600.00 USD
  Income:P:CapitalGains  -97.50 USD

2023-03-15 * "KO dividend, no ex date"
  Assets:P:Cash:USD  23.00 USD
  Income:P:Dividends:KO

2023-03-16 * "KO dividend"
  ex_date: 2023-03-01
  Assets:P:Cash:USD  23.00 USD
  Income:P:Dividends:KO

2023-04-01 * "to EUR"
  external_id: "X-1 X-2"
  Assets:P:Cash:USD  -1080.00 USD @@ 1000.00 EUR
  Assets:P:Cash:EUR  1000.00 EUR

2023-04-02 * "bank charge from another account"
  Assets:P:Cash:USD  -2.00 USD
  Expenses:Bank

2023-04-03 * "other portfolio"
  Assets:Q:Cash:USD  5.00 USD
  Equity:Q:Contributions
`;

describe('transactionsFromLedger', () => {
  const { entries, errors } = loadLedgerText(ledger, 'mine.beancount');
  const mapping = transactionsFromLedger(entries, 'P');

  it('loads the hand-written ledger without errors', () => {
    expect(errors).toEqual([]);
  });

  it('maps trades, a trade commission, a split, a dividend and an fx pair by hand-computed figures', () => {
    const rows = mapping.rows.map((r) => [
      r.externalId.startsWith('ledger-') ? 'hash' : r.externalId,
      r.tradeDate,
      r.type,
      r.symbol,
      r.quantity,
      r.price,
      r.amount,
      r.currency,
      r.exDate,
      r.payDate,
    ]);
    expect(rows).toEqual([
      ['hash', '2023-01-02', 'deposit', null, null, null, '10000', 'USD', null, null],
      ['B-1', '2023-01-03', 'buy', 'KO', '100', '60.1', '-6010', 'USD', null, null],
      ['B-1-2', '2023-01-03', 'fee', 'KO', null, null, '-4.95', 'USD', null, null],
      ['hash', '2023-02-01', 'split', 'KO', '100', null, '0', 'USD', null, null],
      ['hash', '2023-03-01', 'sell', 'KO', '50', '32', '1600', 'USD', null, null],
      ['hash', '2023-03-16', 'dividend', 'KO', null, null, '23', 'USD', '2023-03-01', '2023-03-16'],
      ['X-1', '2023-04-01', 'fx', null, null, null, '-1080', 'USD', null, null],
      ['X-2', '2023-04-01', 'fx', null, null, null, '1000', 'EUR', null, null],
    ]);
    expect(mapping.mapped).toEqual({
      deposit: 1,
      buy: 1,
      fee: 1,
      split: 1,
      sell: 1,
      dividend: 1,
      fx: 2,
    });
  });

  it('skips what it cannot map, with the reason and where it is', () => {
    expect(mapping.skipped.map((s) => [s.line, s.reason])).toEqual([
      [33, 'a dividend needs ex_date metadata (docs/DATA-FORMATS.md#ledgers)'],
      [47, 'posts to accounts outside portfolio P'],
    ]);
    expect(mapping.otherTransactions).toBe(1);
  });

  it('gives the same hashed external ids on every run', () => {
    const again = transactionsFromLedger(loadLedgerText(ledger, 'mine.beancount').entries, 'P');
    expect(again.rows.map((r) => r.externalId)).toEqual(mapping.rows.map((r) => r.externalId));
    expect(new Set(mapping.rows.map((r) => r.externalId)).size).toBe(mapping.rows.length);
  });
});
