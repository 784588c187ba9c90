import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledDemoDir } from './testing/bundledDemoDir.js';
import { offlineFxPairs } from './offlineFxPairs.js';
import { readBooks } from './readBooks.js';

describe('readBooks on the bundled demo data set (data/demo)', () => {
  it('validates, with USD, EUR and GBP portfolios, an ADR and dividends with pay dates', async () => {
    // The market checks run against the bundled FX data, as the runner's first load does.
    const fxPairs = await offlineFxPairs(join(bundledDemoDir, 'market'));
    expect([...fxPairs].sort()).toEqual(['EURGBP', 'EURJPY', 'EURUSD', 'GBPUSD', 'JPYUSD']);
    const books = await readBooks(bundledDemoDir, { fxPairs, today: '2024-03-08' });
    expect(books.portfolios.length).toBeGreaterThanOrEqual(3);
    expect(new Set(books.portfolios.map((p) => p.baseCurrency))).toEqual(
      new Set(['USD', 'EUR', 'GBP']),
    );
    const symbols = new Set(books.securities.map((s) => s.symbol));
    for (const p of books.portfolios) expect(symbols).toContain(p.benchmark);
    expect(books.securities.some((s) => s.kind === 'adr' && s.adrRatio !== null)).toBe(true);
    const dividends = books.transactions.filter((t) => t.type === 'dividend');
    expect(dividends.length).toBeGreaterThan(0);
    expect(
      dividends.every((d) => d.exDate !== null && d.payDate !== null && d.exDate <= d.payDate),
    ).toBe(true);
    expect(books.transactions.some((t) => t.type === 'split')).toBe(true);
  });
});
