import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OfflineReplaySource } from '@truth-spine/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBooks } from '@truth-spine/books';
import { loadConfig } from '../../config/loadConfig.js';
import type { Database } from '@truth-spine/store';
import { hashPack } from '../../pack/hashPack.js';
import type { PackRow } from '../../pack/packRow.js';
import { systemClock } from '../../pipeline/clock.js';
import { silentLogger } from '../../pipeline/logger.js';
import type { StepContext } from '../../pipeline/stepBody.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import type { StepDependencies } from '../stepDependencies.js';
import { buildPackStep } from './buildPackStep.js';
import { closeInCsv, demoCopy, withClose, type DemoCopy } from './testing/demoCopy.js';

const D = '2024-03-08';
/**
 * Held by P-USD-GROWTH on D (folded by hand from its transactions CSV) plus SPY (benchmark,
 * calendar). It has traded in EUR (an FX pair of rows), so the pack carries EURUSD too.
 */
const REQUIRED = ['AAPL', 'BRK-B', 'JPM', 'MSFT', 'SAP', 'SPY', 'VTI'];
const MACRO = ['BAMLC0A0CM', 'DFII10', 'DGS10', 'DGS3MO', 'DTWEXBGS', 'T10YIE'];

const context = (db: Database, asOf: string): StepContext => ({
  runId: 'test-run',
  asOf,
  trigger: 'manual',
  step: 'build_pack',
  packId: null,
  attempt: 1,
  signal: new AbortController().signal,
  db,
  logger: silentLogger,
  clock: systemClock,
  outputs: {},
});

/** The pack for D computed straight from the data files, independently of build_pack. */
async function expectedRows(marketDir: string): Promise<PackRow[]> {
  const rows: PackRow[] = [];
  for (const symbol of REQUIRED) {
    const close = closeInCsv(await readFile(join(marketDir, 'prices', `${symbol}.csv`), 'utf8'), D);
    rows.push({
      kind: 'price',
      key: symbol,
      date: D,
      value: close,
      currency: 'USD',
      provider: 'offline',
      fallbackUsed: false,
      carriedForwardFrom: null,
    });
  }
  const eurusd = await readFile(join(marketDir, 'fx', 'EURUSD.csv'), 'utf8');
  rows.push({
    kind: 'fx',
    key: 'EURUSD',
    date: D,
    value: eurusd
      .split('\n')
      .find((l) => l.startsWith(`${D},`))!
      .split(',')[1]!,
    currency: null,
    provider: 'offline',
    fallbackUsed: false,
    carriedForwardFrom: null,
  });
  for (const series of MACRO) {
    const text = await readFile(join(marketDir, 'macro', `${series}.csv`), 'utf8');
    const value = text
      .split('\n')
      .find((l) => l.startsWith(`${D},`))!
      .split(',')[1]!;
    rows.push({
      kind: 'macro',
      key: series,
      date: D,
      value,
      currency: null,
      provider: 'offline',
      fallbackUsed: false,
      carriedForwardFrom: null,
    });
  }
  return rows;
}

describe.each(testDatabaseKinds())('build_pack on %s', (kind) => {
  let t: TestDatabase;
  let demo: DemoCopy;
  let deps: StepDependencies;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    demo = await demoCopy(['P-USD-GROWTH']);
    await loadBooks(t.db, demo.booksDir);
    deps = {
      config: loadConfig({ BOOKS_DIR: demo.booksDir, OFFLINE_DATA_DIR: demo.marketDir }, '/'),
      market: new OfflineReplaySource(demo.marketDir),
      fallback: null,
      ledgerDir: demo.ledgerDir,
      logger: silentLogger,
    };
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
    await demo.dispose();
  });

  it('the first night fills the history store up to its date; the next night appends only its own date', async () => {
    const before = await buildPackStep(deps)(context(t.db, '2024-03-07'));
    expect(before.status).toBe('succeeded');
    const [spy] = await t.db.query<{ n: number; last: string }>(
      "select count(*)::int as n, max(date)::text as last from market_closes where symbol = 'SPY'",
    );
    const spyFile = await readFile(join(demo.marketDir, 'prices', 'SPY.csv'), 'utf8');
    expect(spy).toEqual({
      n: spyFile.split('\n').filter((l) => /^\d{4}-/.test(l) && l < '2024-03-08').length,
      last: '2024-03-07',
    });
    // expected rows on D, from the files: every symbol the portfolio ever traded, plus SPY
    const books = await readFile(join(demo.booksDir, 'transactions', 'P-USD-GROWTH.csv'), 'utf8');
    const traded = new Set(['SPY']);
    for (const line of books.trim().split('\n').slice(1)) {
      const symbol = line.split(',')[4];
      if (symbol) traded.add(symbol);
    }
    let closesOnD = 0;
    for (const symbol of traded) {
      const file = await readFile(join(demo.marketDir, 'prices', `${symbol}.csv`), 'utf8');
      if (closeInCsv(file, D) !== null) closesOnD += 1;
    }
    const next = await buildPackStep(deps)(context(t.db, D));
    expect(next.details?.['history_appended']).toEqual({
      closes: closesOnD,
      fx: 1, // EURUSD
      macro: MACRO.length,
    });
  }, 120_000);

  it('builds the pack of the data files: same rows and hash as computed from the CSVs', async () => {
    const outcome = await buildPackStep(deps)(context(t.db, D));
    expect(outcome.status).toBe('succeeded');
    if (outcome.status !== 'succeeded') return;
    expect(outcome.packId).toBe(`pack-${D}-v1`);
    const expectedHash = hashPack(D, await expectedRows(demo.marketDir));
    expect(outcome.details?.['hash']).toBe(expectedHash);
    const [pack] = await t.db.query<{ sha256: string; status: string; price_count: number }>(
      'select sha256, status, price_count from packs where id = $1',
      [outcome.packId],
    );
    expect(pack).toEqual({ sha256: expectedHash, status: 'warming', price_count: 7 });
    const prices = await t.db.query<{ symbol: string; close: string }>(
      'select symbol, close::text as close from pack_prices where pack_id = $1 order by symbol',
      [outcome.packId],
    );
    expect(prices.map((p) => p.symbol)).toEqual(REQUIRED);
    // SAP's underlying has no source: listed, not required, not a failure
    expect(outcome.details?.['not_required']).toEqual([
      expect.stringMatching(/^SAP\.DE: not required, no source/),
    ]);
    // history: every SPY row of the file up to D is in market_closes
    const spyRows = (await readFile(join(demo.marketDir, 'prices', 'SPY.csv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1).length;
    const [stored] = await t.db.query<{ n: number }>(
      "select count(*)::int as n from market_closes where symbol = 'SPY'",
    );
    expect(stored?.n).toBe(spyRows);
  }, 120_000);

  it('reuses the latest version when the hash is unchanged and appends no history', async () => {
    const again = await buildPackStep(deps)(context(t.db, D));
    expect(again.status === 'succeeded' && again.packId).toBe(`pack-${D}-v1`);
    expect(again.details?.['reused']).toBe(true);
    expect(again.details?.['history_appended']).toEqual({ closes: 0, fx: 0, macro: 0 });
  }, 60_000);

  it('skips a non-trading day (no SPY close on Saturday 2024-03-09)', async () => {
    const outcome = await buildPackStep(deps)(context(t.db, '2024-03-09'));
    expect(outcome.status).toBe('skipped');
  });

  it('carries a missing close forward, flagged with its source date', async () => {
    await demo.edit('market/prices/MSFT.csv', (text) =>
      text
        .split('\n')
        .filter((l) => !l.startsWith(`${D},`))
        .join('\n'),
    );
    const market = new OfflineReplaySource(demo.marketDir);
    const outcome = await buildPackStep({ ...deps, market })(context(t.db, D));
    expect(outcome.status).toBe('succeeded');
    expect(outcome.details?.['carried_forward']).toBe(1);
    const [msft] = await t.db.query<{
      close: string;
      carried_forward: boolean;
      source_date: string;
    }>(
      `select close::text as close, carried_forward, source_date::text as source_date
         from pack_prices where pack_id = $1 and symbol = 'MSFT'`,
      [outcome.status === 'succeeded' ? outcome.packId : ''],
    );
    const file = await readFile(join(demo.marketDir, 'prices', 'MSFT.csv'), 'utf8');
    expect(msft).toEqual({
      close: closeInCsv(file, '2024-03-07'),
      carried_forward: true,
      source_date: '2024-03-07',
    });
  }, 60_000);

  it('a changed close makes a new version that supersedes the old; the old stays readable', async () => {
    const before = await t.db.query<{ id: string; version: number }>(
      'select id, version from packs where as_of = $1 order by version desc limit 1',
      [D],
    );
    const latest = before[0]!;
    const spy = join(demo.marketDir, 'prices', 'SPY.csv');
    const original = closeInCsv(await readFile(spy, 'utf8'), D)!;
    await demo.edit('market/prices/SPY.csv', (text) => withClose(text, D, '512.34'));
    const market = new OfflineReplaySource(demo.marketDir);
    const outcome = await buildPackStep({ ...deps, market })(context(t.db, D));
    expect(outcome.status === 'succeeded' && outcome.packId).toBe(
      `pack-${D}-v${latest.version + 1}`,
    );
    const packs = await t.db.query<{ id: string; status: string; superseded_by: string | null }>(
      'select id, status, superseded_by from packs where as_of = $1 order by version',
      [D],
    );
    expect(packs.at(-2)).toEqual({
      id: latest.id,
      status: 'superseded',
      superseded_by: `pack-${D}-v${latest.version + 1}`,
    });
    expect(packs.at(-1)?.status).toBe('warming');
    const closes = await t.db.query<{ pack_id: string; close: string }>(
      `select pack_id, close::text as close from pack_prices where symbol = 'SPY' and pack_id = any($1) order by pack_id`,
      [[latest.id, `pack-${D}-v${latest.version + 1}`]],
    );
    expect(closes.map((c) => Number(c.close))).toEqual([Number(original), 512.34]);
  }, 60_000);

  it('fails naming the closes when more than 2% of required closes are missing', async () => {
    // KO is not held; drop JPM's last 10 rows: its last close is then too old to carry
    await demo.edit('market/prices/JPM.csv', (text) => {
      const lines = text.trimEnd().split('\n');
      return lines.slice(0, -10).join('\n') + '\n';
    });
    const market = new OfflineReplaySource(demo.marketDir);
    const outcome = await buildPackStep({ ...deps, market })(context(t.db, D));
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.error).toMatch(
      /1 of 7 required closes missing.*JPM/,
    );
  }, 60_000);
});
