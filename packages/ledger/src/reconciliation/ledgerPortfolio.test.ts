import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedgerFile } from '../loader/loadLedger.js';
import { ledgerMovements, ledgerPortfolio, ledgerPortfolioOf } from './ledgerPortfolio.js';

const FIXTURE = fileURLToPath(
  new URL('../__fixtures__/reconciliation/P-USD-GROWTH.beancount', import.meta.url),
);
const { entries } = loadLedgerFile(FIXTURE);

describe('ledgerMovements and ledgerPortfolioOf', () => {
  const movements = ledgerMovements(entries, 'P-USD-GROWTH');

  it('are every transaction touching the portfolio, of any date, in entry order', () => {
    // the fixture's six transactions, each touching Assets:P-USD-GROWTH:{Cash,Securities}
    expect(movements.map((m) => [m.date, m.narration])).toEqual([
      ['2024-01-02', 'Deposit'],
      ['2024-01-03', 'Buy BRK-B'],
      ['2024-01-04', 'Buy NVDA'],
      ['2024-03-28', 'Interest'],
      ['2024-06-10', 'NVDA 10-for-1 split'],
      ['2024-06-14', 'BRK-B dividend'],
    ]);
    // the split nets to +90 NVDA and moves no cash
    const split = movements[4]!;
    expect([...split.units].map(([k, v]) => [k, v.toString()])).toEqual([['NVDA', '90']]);
    expect(split.cash.size).toBe(0);
    expect(ledgerMovements(entries, 'P-OTHER')).toEqual([]);
  });

  it('fold to exactly ledgerPortfolio for every date, before, between and after the movements', () => {
    // before the first, on each, the day before some, after all
    const dates = [
      '2000-01-01',
      ...movements.map((m) => m.date),
      '2024-03-27',
      '2024-06-09',
      '2024-06-13',
      '9999-12-31',
    ];
    for (const asOf of dates) {
      const direct = ledgerPortfolio(entries, 'P-USD-GROWTH', asOf);
      const folded = ledgerPortfolioOf(movements, 'P-USD-GROWTH', asOf);
      expect(folded).toEqual(direct);
      // same keys in the same order (maps are compared by content above)
      expect([...folded.cash.keys()]).toEqual([...direct.cash.keys()]);
      expect([...folded.positions.keys()]).toEqual([...direct.positions.keys()]);
    }
    expect(
      ledgerPortfolioOf(movements, 'P-USD-GROWTH', '2024-06-13').cash.get('USD')?.toFixed(2),
    ).toBe('7812.34');
  });
});
