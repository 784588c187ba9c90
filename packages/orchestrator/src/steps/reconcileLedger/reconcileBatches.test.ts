import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OfflineReplaySource, type MarketDataSource } from '@truth-spine/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBooks } from '@truth-spine/books';
import { loadConfig } from '../../config/loadConfig.js';
import type { Database } from '@truth-spine/store';
import { systemClock } from '../../pipeline/clock.js';
import { silentLogger } from '../../pipeline/logger.js';
import type { StepContext } from '../../pipeline/stepBody.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { buildPackStep } from '../buildPack/buildPackStep.js';
import { demoCopy, withoutTransaction, type DemoCopy } from '../buildPack/testing/demoCopy.js';
import type { StepDependencies } from '../stepDependencies.js';
import { reconcileLedgerStep } from './reconcileLedgerStep.js';

const D = '2024-03-08';
const PORTFOLIOS = ['P-EUR-GLOBAL', 'P-GBP-UK', 'P-USD-GROWTH', 'P-USD-INCOME'];
/** A dividend removed from P-USD-INCOME's ledger: that portfolio breaks. */
const DIVIDEND = '2024-03-07 * "AGG dividend USD 0.2860 per share on 500 shares';

const context = (db: Database, packId: string | null, runId: string): StepContext => ({
  runId,
  asOf: D,
  trigger: 'manual',
  step: packId === null ? 'build_pack' : 'reconcile_ledger',
  packId,
  attempt: 1,
  signal: new AbortController().signal,
  db,
  logger: silentLogger,
  clock: systemClock,
  outputs: {},
});

/** Stored results and breaks of a pack, without the run id and timestamp. */
async function stored(db: Database, packId: string): Promise<unknown> {
  return {
    results: await db.query(
      `select portfolio_id, ok, platform_value::text as platform_value,
              ledger_value::text as ledger_value, difference_bp, break_count
         from reconciliation_results where pack_id = $1 order by portfolio_id`,
      [packId],
    ),
    breaks: await db.query(
      `select portfolio_id, kind, subject, platform::text as platform, ledger::text as ledger,
              size_base::text as size_base, size_bp, reason
         from reconciliation_breaks where pack_id = $1
        order by portfolio_id, kind, subject, reason`,
      [packId],
    ),
  };
}

describe.each(testDatabaseKinds())('reconcile_ledger in batches on %s', (kind) => {
  let t: TestDatabase;
  let demo: DemoCopy;
  let deps: StepDependencies;
  let packId: string;
  let original: string;
  const splitRequests: string[][] = [];
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    demo = await demoCopy(PORTFOLIOS);
    original = await readFile(join(demo.ledgerDir, 'P-USD-INCOME.beancount'), 'utf8');
    await demo.edit('ledgers/P-USD-INCOME.beancount', (text) => withoutTransaction(text, DIVIDEND));
    await loadBooks(t.db, demo.booksDir);
    const offline = new OfflineReplaySource(demo.marketDir);
    const market: MarketDataSource = Object.assign(Object.create(offline) as MarketDataSource, {
      splits: (request: Parameters<MarketDataSource['splits']>[0]) => {
        splitRequests.push([...request.symbols]);
        return offline.splits(request);
      },
    });
    deps = {
      config: loadConfig({ BOOKS_DIR: demo.booksDir, OFFLINE_DATA_DIR: demo.marketDir }, '/'),
      market,
      fallback: null,
      ledgerDir: demo.ledgerDir,
      logger: silentLogger,
    };
    const built = await buildPackStep(deps)(context(t.db, null, 'build'));
    if (built.status !== 'succeeded' || built.packId === undefined) throw new Error('no pack');
    packId = built.packId;
  }, 120_000);
  afterAll(async () => {
    await t.dispose();
    await demo.dispose();
  });

  it('one batch per portfolio stores exactly what one batch of all stores, and asks for splits once per batch', async () => {
    splitRequests.length = 0;
    const whole = await reconcileLedgerStep(deps)(context(t.db, packId, 'whole'));
    const wholeRows = await stored(t.db, packId);
    expect(splitRequests).toHaveLength(1);
    // the AAPL 4-for-1 split of P-USD-GROWTH is among the requested symbols
    expect(splitRequests[0]).toContain('AAPL');

    splitRequests.length = 0;
    const single = await reconcileLedgerStep(deps, { batchSize: 1 })(
      context(t.db, packId, 'single'),
    );
    expect(splitRequests).toHaveLength(PORTFOLIOS.length);
    expect(await stored(t.db, packId)).toEqual(wholeRows);
    // the second run carries the states the first stored: everything else is the same
    const ledgersOf = (o: typeof whole) => (o.details as { ledgers: unknown }).ledgers;
    expect(ledgersOf(whole)).toEqual({ carried: 0, parsed: 4, untrusted: 0 });
    expect(ledgersOf(single)).toEqual({ carried: 4, parsed: 0, untrusted: 0 });
    expect({ ...single, details: { ...single.details, ledgers: null } }).toEqual({
      ...whole,
      details: { ...whole.details, ledgers: null },
    });

    expect(whole.status).toBe('failed');
    expect(whole.details).toEqual({
      portfolios: 4,
      verdicts: {
        'P-EUR-GLOBAL': 'reconciled',
        'P-GBP-UK': 'reconciled',
        'P-USD-GROWTH': 'reconciled',
        'P-USD-INCOME': 'ledger_errors',
      },
      ledgers: { carried: 0, parsed: 4, untrusted: 0 },
    });
    const rows = wholeRows as { results: { portfolio_id: string; break_count: number }[] };
    expect(rows.results.map((r) => [r.portfolio_id, r.break_count > 0])).toEqual([
      ['P-EUR-GLOBAL', false],
      ['P-GBP-UK', false],
      ['P-USD-GROWTH', false],
      ['P-USD-INCOME', true],
    ]);
  }, 120_000);

  it('on two worker threads it stores and reports exactly what it does inline, parsing or carrying', async () => {
    const states = () =>
      t.db.query(`select portfolio_id, ledger_digest, state from ledger_states order by 1`);
    await t.db.query('delete from ledger_states');
    const inline = await reconcileLedgerStep(deps, { workers: 0 })(context(t.db, packId, 'inline'));
    const inlineRows = await stored(t.db, packId);
    const inlineStates = await states();
    await t.db.query('delete from ledger_states');
    const threaded = await reconcileLedgerStep(deps, { workers: 2, batchSize: 3 })(
      context(t.db, packId, 'threads'),
    );
    expect(await stored(t.db, packId)).toEqual(inlineRows);
    expect(await states()).toEqual(inlineStates);
    expect(threaded).toEqual(inline);
    // and from the stored states, in the threads
    const carried = await reconcileLedgerStep(deps, { workers: 2, batchSize: 3 })(
      context(t.db, packId, 'threads-carried'),
    );
    expect(await stored(t.db, packId)).toEqual(inlineRows);
    expect((carried.details as { ledgers: unknown }).ledgers).toEqual({
      carried: 4,
      parsed: 0,
      untrusted: 0,
    });
    expect(carried.status === 'failed' && carried.error).toBe(
      inline.status === 'failed' && inline.error,
    );
    expect(threaded.status).toBe('failed');
    const error = threaded.status === 'failed' ? threaded.error : '';
    expect(error).toMatch(/^reconciliation failed: P-USD-INCOME: \d+ ledger error\(s\): /);
  }, 120_000);

  it('a re-run in batches after the ledger is fixed removes the stale breaks', async () => {
    await demo.edit('ledgers/P-USD-INCOME.beancount', () => original);
    const outcome = await reconcileLedgerStep(deps, { batchSize: 3 })(
      context(t.db, packId, 'fixed'),
    );
    expect(outcome.status).toBe('succeeded');
    const rows = (await stored(t.db, packId)) as {
      results: { ok: boolean; break_count: number }[];
      breaks: unknown[];
    };
    expect(rows.results.map((r) => [r.ok, r.break_count])).toEqual(PORTFOLIOS.map(() => [true, 0]));
    expect(rows.breaks).toEqual([]);
  }, 120_000);
});
