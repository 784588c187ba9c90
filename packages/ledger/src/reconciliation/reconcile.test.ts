import Big from 'big.js';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedgerFile } from '../loader/loadLedger.js';
import { ledgerPortfolio } from './ledgerPortfolio.js';
import { reconcile } from './reconcile.js';
import type { PortfolioBooks, PricingSnapshot } from './types.js';

const FIXTURE = fileURLToPath(
  new URL('../__fixtures__/reconciliation/P-USD-GROWTH.beancount', import.meta.url),
);
const loaded = loadLedgerFile(FIXTURE);
const ledger = ledgerPortfolio(loaded.entries, 'P-USD-GROWTH', '2024-06-28');

const b = (s: string) => new Big(s);
const pricing: PricingSnapshot = {
  prices: new Map([
    ['BRK-B', { price: b('406.80'), currency: 'USD' }],
    ['NVDA', { price: b('123.54'), currency: 'USD' }],
  ]),
  fxToBase: new Map([['EUR', b('1.0705')]]),
  splits: [{ symbol: 'NVDA', date: '2024-06-10', numerator: b('10'), denominator: b('1') }],
};

// Ledger by hand on 2024-06-28: USD cash 20000.00 − 7200.00 − 5000.00 + 12.34 + 25.00 = 7837.34;
// EUR 1000.00; BRK-B 20; NVDA 100.
// Value: 20 × 406.80 + 100 × 123.54 + 7837.34 + 1000.00 × 1.0705 = 8136.00 + 12354.00 + 7837.34 + 1070.50 = 29397.84.
const matching: PortfolioBooks = {
  portfolioId: 'P-USD-GROWTH',
  baseCurrency: 'USD',
  positions: new Map([
    ['BRK-B', b('20')],
    ['NVDA', b('100')],
  ]),
  cash: new Map([
    ['USD', b('7837.34')],
    ['EUR', b('1000.00')],
  ]),
  portfolioValue: b('29397.84'),
};

describe('ledgerPortfolio (the portfolio account conventions)', () => {
  it('reads positions and cash per currency as of the date', () => {
    expect(loaded.errors).toEqual([]);
    expect(Object.fromEntries([...ledger.positions].map(([k, v]) => [k, v.toString()]))).toEqual({
      'BRK-B': '20',
      NVDA: '100',
    });
    expect(Object.fromEntries([...ledger.cash].map(([k, v]) => [k, v.toFixed(2)]))).toEqual({
      USD: '7837.34',
      EUR: '1000.00',
    });
    const before = ledgerPortfolio(loaded.entries, 'P-USD-GROWTH', '2024-06-13');
    expect(before.cash.get('USD')?.toFixed(2)).toBe('7812.34');
  });
});

describe('reconcile', () => {
  it('reconciles identical books: no break, value difference 0 bp', () => {
    const result = reconcile(matching, ledger, pricing);
    expect(result.verdict).toBe('reconciled');
    expect(result.breaks).toEqual([]);
    expect(result.ledgerValue?.toFixed(2)).toBe('29397.84');
    expect(result.valueDifferenceBp?.eq(0)).toBe(true);
  });

  it('names the ledger dividend the books are missing (cash short by exactly its amount)', () => {
    const books = {
      ...matching,
      cash: new Map([...matching.cash, ['USD', b('7812.34')]]),
      portfolioValue: b('29372.84'),
    };
    const result = reconcile(books, ledger, pricing);
    expect(result.verdict).toBe('broken');
    expect(result.breaks).toHaveLength(1);
    const [only] = result.breaks;
    expect(only?.reason).toBe('missing_transaction');
    expect(only?.transaction?.narration).toBe('BRK-B dividend');
    expect(only?.transaction?.line).toBe(34);
    expect(only?.sizeBase?.toFixed(2)).toBe('25.00');
    // 25.00 / 29372.84 × 10 000 = 8.51126… bp
    expect(only?.sizeBp?.toFixed(4)).toBe('8.5113');
  });

  it('names a books transaction the ledger lacks (cash higher by exactly its amount)', () => {
    const fee = {
      externalId: 'T-0042',
      date: '2024-06-20',
      description: 'custody fee refund',
      cash: new Map([['USD', b('3.10')]]),
      units: new Map<string, Big>(),
    };
    const books = {
      ...matching,
      cash: new Map([...matching.cash, ['USD', b('7840.44')]]),
      portfolioValue: b('29400.94'),
      movements: [fee],
    };
    const [only] = reconcile(books, ledger, pricing).breaks;
    expect(only?.reason).toBe('missing_transaction');
    expect(only?.booksTransaction?.externalId).toBe('T-0042');
    expect(only?.transaction).toBeNull();
    expect(only?.sizeBase?.toFixed(2)).toBe('3.10');
  });

  it('calls a units ratio equal to a known split a corporate action', () => {
    const books = { ...matching, positions: new Map([...matching.positions, ['NVDA', b('10')]]) };
    const [only] = reconcile(books, ledger, pricing).breaks;
    expect(only?.reason).toBe('corporate_action');
    expect(only?.key).toBe('NVDA');
    // (100 − 10) × 123.54 = 11118.60
    expect(only?.sizeBase?.toFixed(2)).toBe('11118.60');
  });

  it('reports other unit and cash differences as plain mismatches', () => {
    const books = {
      ...matching,
      positions: new Map([...matching.positions, ['BRK-B', b('19')]]),
      cash: new Map([...matching.cash, ['EUR', b('990.00')]]),
    };
    const breaks = reconcile(books, ledger, pricing).breaks;
    expect(breaks.map((x) => [x.reason, x.key, x.sizeBase?.toFixed(2)])).toEqual([
      ['quantity_mismatch', 'BRK-B', '406.80'],
      // 10.00 EUR × 1.0705 = 10.705 USD
      ['cash_mismatch', 'EUR', '10.71'],
    ]);
  });

  it('cannot value a security without a price: unknown_security, size unknown', () => {
    const books = { ...matching, positions: new Map([...matching.positions, ['XYZ', b('5')]]) };
    const result = reconcile(books, ledger, pricing);
    expect(result.breaks.map((x) => [x.reason, x.key, x.sizeBase])).toEqual([
      ['unknown_security', 'XYZ', null],
    ]);
    expect(result.ledgerValue).toBeNull();
    expect(result.verdict).toBe('broken');
  });

  it('fails the value check beyond ±1 bp even when units and cash agree', () => {
    // 1 bp of 29397.84 is 2.94; a books value 3.00 lower is 1.02 bp away.
    const off = reconcile({ ...matching, portfolioValue: b('29394.84') }, ledger, pricing);
    expect(off.breaks).toEqual([]);
    expect(off.valueWithinTolerance).toBe(false);
    expect(off.verdict).toBe('broken');
    const within = reconcile({ ...matching, portfolioValue: b('29395.00') }, ledger, pricing);
    expect(within.valueWithinTolerance).toBe(true);
  });
});
