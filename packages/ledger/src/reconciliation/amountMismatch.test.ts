import Big from 'big.js';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedgerFile } from '../loader/loadLedger.js';
import { ledgerPortfolio } from './ledgerPortfolio.js';
import { reconcile } from './reconcile.js';
import type { BooksMovement, PortfolioBooks, PricingSnapshot } from './types.js';

const FIXTURE = fileURLToPath(
  new URL('../__fixtures__/reconciliation/P-USD-GROWTH.beancount', import.meta.url),
);
const ledger = ledgerPortfolio(loadLedgerFile(FIXTURE).entries, 'P-USD-GROWTH', '2024-06-28');
const b = (s: string) => new Big(s);
const pricing: PricingSnapshot = {
  prices: new Map([
    ['BRK-B', { price: b('406.80'), currency: 'USD' }],
    ['NVDA', { price: b('123.54'), currency: 'USD' }],
  ]),
  fxToBase: new Map([['EUR', b('1.0705')]]),
  splits: [],
};
const cashRow = (externalId: string, date: string, usd: string): BooksMovement => ({
  externalId,
  date,
  description: 'Interest',
  cash: new Map([['USD', b(usd)]]),
  units: new Map(),
});

// The fixture ledger (see reconcile.test.ts): USD cash 7837.34 on 2024-06-28, value 29397.84;
// its 2024-03-28 "Interest" transaction (line 26) credits 12.34 USD.
const books = (usd: string, value: string, movements: BooksMovement[]): PortfolioBooks => ({
  portfolioId: 'P-USD-GROWTH',
  baseCurrency: 'USD',
  positions: new Map([
    ['BRK-B', b('20')],
    ['NVDA', b('100')],
  ]),
  cash: new Map([
    ['USD', b(usd)],
    ['EUR', b('1000.00')],
  ]),
  portfolioValue: b(value),
  movements,
});

describe('a break explained by one event booked with different amounts', () => {
  it('names the ledger entry (file:line) and the books row of the same date differing by exactly the break', () => {
    // books booked the interest as 10.34: cash 7835.34, value 29395.84; break = +2.00
    const result = reconcile(
      books('7835.34', '29395.84', [
        cashRow('T-1', '2024-03-27', '10.34'), // same amount, another date: not it
        cashRow('T-2', '2024-03-28', '10.34'),
      ]),
      ledger,
      pricing,
    );
    expect(result.breaks).toHaveLength(1);
    const [only] = result.breaks;
    expect(only?.reason).toBe('cash_mismatch');
    expect(only?.transaction).toMatchObject({ date: '2024-03-28', line: 26 });
    expect(only?.transaction?.file).toBe(FIXTURE);
    expect(only?.booksTransaction?.externalId).toBe('T-2');
    // 2.00 / 29395.84 × 10 000 = 0.6803683… bp
    expect(only?.sizeBase?.toFixed(2)).toBe('2.00');
    expect(only?.sizeBp?.toFixed(6)).toBe('0.680368');
    expect(only?.explanation).toBe(
      `USD cash: the ledger transaction of 2024-03-28 "Interest" (${FIXTURE}:26) moves 12.34, ` +
        'the books row T-2 of 2024-03-28 "Interest" 10.34: they differ by exactly the break, 2; ' +
        'size 2.00 USD = 0.6804 bp of the portfolio',
    );
  });

  it('says when no single transaction explains it, still with its size', () => {
    // 7.00 short, and no row of the books or entry of the ledger accounts for it
    const [only] = reconcile(books('7830.34', '29390.84', []), ledger, pricing).breaks;
    expect(only?.reason).toBe('cash_mismatch');
    expect(only?.transaction).toBeNull();
    expect(only?.booksTransaction).toBeNull();
    // 7.00 / 29390.84 × 10 000 = 2.3816944… bp
    expect(only?.explanation).toBe(
      'USD cash: ledger 7837.34, books 7830.34 — no single transaction on either side explains it; ' +
        'size 7.00 USD = 2.3817 bp of the portfolio',
    );
  });
});
