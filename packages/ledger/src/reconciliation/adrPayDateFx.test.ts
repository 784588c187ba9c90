import Big from 'big.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedgerFile } from '../loader/loadLedger.js';
import { foreignDividendInBase, type FxRateOn } from './foreignDividend.js';
import { ledgerPortfolio } from './ledgerPortfolio.js';
import { reconcile } from './reconcile.js';

/**
 * Golden test: an ADR dividend declared in JPY is converted at
 * the FX rate of its pay date. Rates: ECB euro reference rates (see
 * `__fixtures__/adr/README.md`); USD per JPY = (USD per EUR) ÷ (JPY per EUR).
 */
const DIR = new URL('../__fixtures__/adr/', import.meta.url);
const ecb = new Map(
  readFileSync(new URL('eurofxref-excerpt.csv', DIR), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => {
      const [date, usd, jpy] = row.split(',') as [string, string, string];
      return [date, { usd: new Big(usd), jpy: new Big(jpy) }] as const;
    }),
);
const usdPer: FxRateOn = (currency, date) => {
  const row = ecb.get(date);
  return currency === 'JPY' && row !== undefined ? row.usd.div(row.jpy) : null;
};
const dividend = {
  perShare: new Big(30),
  // 100 TM ADRs × 10 ordinary shares per ADR
  shares: new Big(100).times(10),
  currency: 'JPY',
  exDate: '2023-09-28',
  payDate: '2023-11-27',
};
const ledgerFile = fileURLToPath(new URL('P-USD-ADR.beancount', DIR));
const loaded = loadLedgerFile(ledgerFile);
const ledger = ledgerPortfolio(loaded.entries, 'P-USD-ADR', '2023-11-27');

describe('ADR dividend in JPY: pay-date FX', () => {
  it('our figure equals the ledger to the cent: 201.73 USD', () => {
    expect(loaded.errors).toEqual([]);
    const ours = foreignDividendInBase(dividend, usdPer);
    const ledgerDividend = ledger.movements.find((m) => m.narration.startsWith('TM dividend'));
    expect(ours?.toFixed(2)).toBe('201.73');
    expect(ledgerDividend?.cash.get('USD')?.eq(ours as Big)).toBe(true);
  });

  it('the ex-date rate would be 77 cents short (200.96 USD)', () => {
    const exDateFigure = foreignDividendInBase({ ...dividend, payDate: dividend.exDate }, usdPer);
    const payDateFigure = foreignDividendInBase(dividend, usdPer) as Big;
    expect(exDateFigure?.toFixed(2)).toBe('200.96');
    expect(
      payDateFigure
        .minus(exDateFigure as Big)
        .times(100)
        .toNumber(),
    ).toBe(77);
  });

  it('is null, not a guess, when the pay-date rate is missing', () => {
    expect(foreignDividendInBase({ ...dividend, payDate: '2023-11-26' }, usdPer)).toBeNull();
  });

  it('reconciles with pay-date books; ex-date books break as fx_mismatch naming the dividend', () => {
    const pricing = {
      prices: new Map([['TM', { price: new Big('186.61'), currency: 'USD' }]]),
      fxToBase: new Map<string, Big>(),
      splits: [],
    };
    // 20000.00 − 18000.00 + 201.73 = 2201.73 cash; 100 × 186.61 = 18661.00; total 20862.73.
    const books = {
      portfolioId: 'P-USD-ADR',
      baseCurrency: 'USD',
      positions: new Map([['TM', new Big(100)]]),
      cash: new Map([['USD', new Big('2201.73')]]),
      portfolioValue: new Big('20862.73'),
    };
    expect(reconcile(books, ledger, pricing).verdict).toBe('reconciled');
    const exDateBooks = {
      ...books,
      cash: new Map([['USD', new Big('2200.96')]]),
      portfolioValue: new Big('20861.96'),
    };
    const result = reconcile(exDateBooks, ledger, pricing);
    expect(result.breaks.map((x) => [x.reason, x.key, x.sizeBase?.toFixed(2)])).toEqual([
      ['fx_mismatch', 'USD', '0.77'],
    ]);
    expect(result.breaks[0]?.transaction?.date).toBe('2023-11-27');
  });
});
