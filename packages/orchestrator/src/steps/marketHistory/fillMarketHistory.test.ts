import { join } from 'node:path';
import { OfflineReplaySource } from '@truth-spine/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDemoDir } from '../../config/loadConfig.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { fillMarketHistory, missingRanges } from './fillMarketHistory.js';

describe('missingRanges', () => {
  const covered = { first_date: '2023-03-01', last_date: '2023-06-30' };
  it('is all of from..to for a key never filled', () => {
    expect(missingRanges(undefined, '2023-01-01', '2023-02-01')).toEqual([
      { from: '2023-01-01', to: '2023-02-01' },
    ]);
  });
  it('is nothing inside the covered range', () => {
    expect(missingRanges(covered, '2023-03-01', '2023-06-30')).toEqual([]);
    expect(missingRanges(covered, '2023-04-01', '2023-05-01')).toEqual([]);
  });
  it('is the dates after last_date, and before first_date when from is earlier', () => {
    expect(missingRanges(covered, '2023-03-01', '2023-07-03')).toEqual([
      { from: '2023-07-01', to: '2023-07-03' },
    ]);
    expect(missingRanges(covered, '2023-01-15', '2023-07-03')).toEqual([
      { from: '2023-01-15', to: '2023-02-28' },
      { from: '2023-07-01', to: '2023-07-03' },
    ]);
    expect(missingRanges(covered, '2023-01-15', '2023-04-01')).toEqual([
      { from: '2023-01-15', to: '2023-02-28' },
    ]);
  });
  it('reaches the stored range from a night outside it, so coverage stays one range without a hole', () => {
    // A backfill night entirely before the stored range fetches up to first_date − 1 …
    expect(missingRanges(covered, '2022-01-01', '2022-06-01')).toEqual([
      { from: '2022-01-01', to: '2023-02-28' },
    ]);
    // … and a night long after it fetches from last_date + 1.
    expect(missingRanges(covered, '2023-09-01', '2023-09-05')).toEqual([
      { from: '2023-07-01', to: '2023-09-05' },
    ]);
  });
});

describe.each(testDatabaseKinds())('fillMarketHistory on %s', (kind) => {
  let t: TestDatabase;
  const source = new OfflineReplaySource(join(bundledDemoDir, 'market'));
  const request = (from: string, to: string) => ({
    from,
    to,
    symbols: ['AAPL', 'SPY'],
    currencyOf: new Map([
      ['AAPL', 'USD'],
      ['SPY', 'USD'],
    ]),
    pairs: ['EURUSD'],
    series: ['DGS3MO'],
  });
  const storedCloses = async () =>
    t.db.query<{ symbol: string; date: string; close: string }>(
      'select symbol, date::text as date, close::text as close from market_closes order by symbol, date',
    );
  const sourceCloses = async (from: string, to: string) =>
    (await source.dailyBars({ symbols: ['AAPL', 'SPY'], from, to }))
      .flatMap((s) => s.bars.map((b) => ({ symbol: s.symbol, date: b.date, close: b.close })))
      .sort((a, b) => a.symbol.localeCompare(b.symbol) || a.date.localeCompare(b.date));
  const coverage = async () =>
    t.db.query<{ kind: string; key: string; first_date: string; last_date: string }>(
      'select kind, key, first_date::text as first_date, last_date::text as last_date from market_coverage order by kind, key',
    );
  const numeric = (rows: { symbol: string; date: string; close: string }[]) =>
    rows.map((r) => ({ ...r, close: Number(r.close) }));

  beforeAll(async () => {
    t = await openTestDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    await t.dispose();
  });

  it('fills forward, then back to an earlier from when a portfolio with an earlier inception joins', async () => {
    const first = await fillMarketHistory(
      t.db,
      source,
      null,
      request('2023-03-01', '2023-06-30'),
      undefined,
    );
    expect(numeric(await storedCloses())).toEqual(
      numeric(await sourceCloses('2023-03-01', '2023-06-30')),
    );
    expect(first.closes).toBe((await sourceCloses('2023-03-01', '2023-06-30')).length);

    const wider = await fillMarketHistory(
      t.db,
      source,
      null,
      request('2022-11-01', '2023-07-07'),
      undefined,
    );
    const expected = await sourceCloses('2022-11-01', '2023-07-07');
    expect(numeric(await storedCloses())).toEqual(numeric(expected));
    expect(first.closes + wider.closes).toBe(expected.length);
    const fxRows = await t.db.query<{ n: number; first: string; last: string }>(
      "select count(*)::int as n, min(date)::text as first, max(date)::text as last from market_fx where base = 'EUR' and quote = 'USD'",
    );
    const sourceFx = (
      await source.fxRates({ pairs: ['EURUSD'], from: '2022-11-01', to: '2023-07-07' })
    )[0]!.rates;
    expect(fxRows[0]).toEqual({
      n: sourceFx.length,
      first: sourceFx[0]!.date,
      last: sourceFx.at(-1)!.date,
    });
    expect(await coverage()).toEqual([
      { kind: 'close', key: 'AAPL', first_date: '2022-11-01', last_date: '2023-07-07' },
      { kind: 'close', key: 'SPY', first_date: '2022-11-01', last_date: '2023-07-07' },
      { kind: 'fx', key: 'EURUSD', first_date: '2022-11-01', last_date: '2023-07-07' },
      { kind: 'macro', key: 'DGS3MO', first_date: '2022-11-01', last_date: '2023-07-07' },
    ]);

    // A backfill night before the stored range: everything from its `from` up to the range.
    await fillMarketHistory(t.db, source, null, request('2022-03-01', '2022-04-01'), undefined);
    expect(numeric(await storedCloses())).toEqual(
      numeric(await sourceCloses('2022-03-01', '2023-07-07')),
    );
    expect((await coverage())[0]).toEqual({
      kind: 'close',
      key: 'AAPL',
      first_date: '2022-03-01',
      last_date: '2023-07-07',
    });

    const again = await fillMarketHistory(
      t.db,
      source,
      null,
      request('2022-03-01', '2023-07-07'),
      undefined,
    );
    expect(again).toEqual({ closes: 0, fx: 0, macro: 0 });
  }, 120_000);
});
