import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HoldingMovement, holdingsOnDate, loadBooks } from '@truth-spine/books';
import type { Database } from '@truth-spine/store';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { packUniverse, type Conversion } from './packUniverse.js';
import { demoCopy, type DemoCopy } from './testing/demoCopy.js';

const PORTFOLIOS = ['P-EUR-GLOBAL', 'P-GBP-UK', 'P-USD-GROWTH', 'P-USD-INCOME'];

/**
 * The straightforward universe: every active portfolio's transactions loaded and folded one
 * by one with {@link holdingsOnDate} (what build_pack did before the database folded them).
 */
async function foldedUniverse(db: Database, asOf: string, calendarSymbol: string) {
  const securities = await db.query<{
    symbol: string;
    currency: string;
    underlying: string | null;
    underlying_currency: string | null;
  }>('select symbol, currency, underlying, underlying_currency from securities');
  const portfolios = await db.query<{ id: string; base_currency: string; benchmark: string }>(
    'select id, base_currency, benchmark from portfolios where archived_at is null order by id',
  );
  const currencyOf = new Map<string, string>();
  for (const s of securities) {
    currencyOf.set(s.symbol, s.currency);
    if (s.underlying !== null && s.underlying_currency !== null)
      currencyOf.set(s.underlying, s.underlying_currency);
  }
  const underlyingOf = (symbol: string) =>
    securities.find((s) => s.symbol === symbol)?.underlying ?? null;
  const required = new Set([calendarSymbol]);
  const optional = new Set<string>();
  const history = new Set([calendarSymbol]);
  const conversions = new Map<string, Conversion>();
  const need = (currency: string | undefined, base: string) => {
    if (currency !== undefined && currency !== base)
      conversions.set(`${currency}${base}`, { currency, base });
  };
  for (const p of portfolios) {
    const movements = await db.query<HoldingMovement & Record<string, unknown>>(
      `select trade_date::text as "tradeDate", type, symbol, quantity::text as quantity,
              amount::text as amount, currency
         from transactions where portfolio_id = $1 order by trade_date, id`,
      [p.id],
    );
    required.add(p.benchmark);
    history.add(p.benchmark);
    need(currencyOf.get(p.benchmark), p.base_currency);
    for (const symbol of holdingsOnDate(movements, asOf).positions.keys()) {
      required.add(symbol);
      const underlying = underlyingOf(symbol);
      if (underlying !== null) optional.add(underlying);
    }
    for (const m of movements) {
      need(m.currency, p.base_currency);
      if (m.symbol === null) continue;
      history.add(m.symbol);
      need(currencyOf.get(m.symbol), p.base_currency);
      const underlying = underlyingOf(m.symbol);
      if (underlying !== null) history.add(underlying);
    }
  }
  return {
    required: [...required].sort(),
    optional: [...optional].filter((s) => !required.has(s)).sort(),
    historySymbols: [...history].sort(),
    currencyOf,
    conversions: [...conversions.values()].sort((a, b) =>
      `${a.currency}${a.base}`.localeCompare(`${b.currency}${b.base}`),
    ),
    earliestInception: '2019-01-02',
  };
}

describe.each(testDatabaseKinds())('packUniverse on %s', (kind) => {
  let t: TestDatabase;
  let demo: DemoCopy;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    demo = await demoCopy(PORTFOLIOS);
    // P-GBP-UK still holds 300 BP (500 bought, 200 sold); it sells the rest on 2024-01-02
    await demo.edit('transactions/P-GBP-UK.csv', (text) =>
      text.replace(
        /\n?$/,
        '\nP-GBP-UK-9001,2024-01-02,2024-01-04,sell,BP,300,35.00,10500.00,USD,,,Sell 300 BP\n',
      ),
    );
    await loadBooks(t.db, demo.booksDir);
  }, 120_000);
  afterAll(async () => {
    await t.dispose();
    await demo.dispose();
  });

  it.each(['2019-01-02', '2019-01-03', '2020-08-31', '2022-06-30', '2024-03-08'])(
    'the database fold on %s equals folding every portfolio’s books one by one',
    async (asOf) => {
      expect(await packUniverse(t.db, asOf, 'SPY')).toEqual(
        await foldedUniverse(t.db, asOf, 'SPY'),
      );
    },
  );

  it('a position sold to zero is not held, and an archived portfolio drops out', async () => {
    expect((await packUniverse(t.db, '2023-12-29', 'SPY')).required).toContain('BP');
    const before = await packUniverse(t.db, '2024-03-08', 'SPY');
    expect(before.required).not.toContain('BP');
    expect(before.historySymbols).toContain('BP');
    await t.db.query(`update portfolios set archived_at = now() where id = 'P-EUR-GLOBAL'`);
    const after = await packUniverse(t.db, '2024-03-08', 'SPY');
    expect(after).toEqual(await foldedUniverse(t.db, '2024-03-08', 'SPY'));
    expect(after.required.length).toBeLessThan(before.required.length);
  });
});
