import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OfflineReplaySource } from '@truth-spine/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAlertSettings } from '../config/alertSettings/alertSettings.js';
import { loadConfig } from '../config/loadConfig.js';
import type { Database } from '@truth-spine/store';
import { silentLogger } from '../pipeline/logger.js';
import { runNightly } from '../pipeline/runPipeline.js';
import { demoCopy, type DemoCopy } from '../steps/buildPack/testing/demoCopy.js';
import {
  exportPackMetrics,
  type PackMetricsExport,
} from '../steps/computeDailyMetrics/exportPackMetrics.js';
import { createStepBodies } from '../steps/createStepBodies.js';
import { gatherNightFacts } from '../steps/evaluateAlerts/gatherNightFacts.js';
import {
  exportPackFactors,
  type PackFactorsExport,
} from '../steps/prewarmFactors/exportPackFactors.js';
import type { StepDependencies } from '../steps/stepDependencies.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import {
  addPortfolio,
  BooksEditError,
  listPortfolios,
  loadBooks,
  removePortfolio,
  restorePortfolio,
} from '@truth-spine/books';

const FIRST = '2024-03-07';
const SECOND = '2024-03-08';
const KEPT = 'P-USD-GROWTH';
/** Archived after the first night; its books hold AGG, JNJ, KO and PG, which GROWTH never holds. */
const ARCHIVED = 'P-USD-INCOME';

/** Result tables keyed by portfolio_id, each row fingerprinted with md5 of its whole text. */
const resultTables = [
  'valuations',
  'return_series',
  'metric_sets',
  'factor_sets',
  'reconciliation_results',
  'reconciliation_breaks',
] as const;

/** Every stored row about `portfolio` (md5 of each row's text, per table, sorted). */
async function rowsOf(db: Database, portfolio: string): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of resultTables) {
    const rows = await db.query<{ h: string }>(
      `select md5(t::text) as h from ${table} t where portfolio_id = $1 order by 1`,
      [portfolio],
    );
    snapshot[table] = rows.map((r) => r.h);
  }
  const ratings = await db.query<{ h: string }>(
    `select md5(t::text) as h from ratings t
      where subject_kind = 'portfolio' and subject_id = $1 order by 1`,
    [portfolio],
  );
  snapshot['ratings'] = ratings.map((r) => r.h);
  const books = await db.query<{ h: string }>(
    `select md5(t::text) as h from transactions t where portfolio_id = $1 order by 1`,
    [portfolio],
  );
  snapshot['transactions'] = books.map((r) => r.h);
  // the append-only history its return_series rows read (no pack column: by portfolio)
  const history = await db.query<{ h: string }>(
    `select md5(t::text) as h from history_chunks t where portfolio_id = $1 order by 1`,
    [portfolio],
  );
  snapshot['history_chunks'] = history.map((r) => r.h);
  return snapshot;
}

/** How many rows of each result table (and ratings) `packId` holds for `portfolio`. */
async function packRowsOf(db: Database, packId: string, portfolio: string) {
  const counts: Record<string, number> = {};
  for (const table of resultTables) {
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from ${table} where pack_id = $1 and portfolio_id = $2`,
      [packId, portfolio],
    );
    counts[table] = Number(row!.n);
  }
  const [rated] = await db.query<{ n: number }>(
    `select count(*)::int as n from ratings
      where pack_id = $1 and subject_kind = 'portfolio' and subject_id = $2`,
    [packId, portfolio],
  );
  counts['ratings'] = Number(rated!.n);
  return counts;
}

const priceSymbols = async (db: Database, packId: string) =>
  (
    await db.query<{ symbol: string }>(
      'select symbol from pack_prices where pack_id = $1 order by symbol',
      [packId],
    )
  ).map((r) => r.symbol);

/** Symbols `portfolio` holds on `asOf`, folded by SQL straight from its transactions. */
const heldOn = async (db: Database, portfolio: string, asOf: string) =>
  (
    await db.query<{ symbol: string }>(
      `select symbol from transactions
        where portfolio_id = $1 and type in ('buy', 'sell', 'split') and trade_date <= $2
        group by symbol having sum(case when type = 'sell' then -quantity else quantity end) <> 0
        order by symbol`,
      [portfolio, asOf],
    )
  ).map((r) => r.symbol);

describe.each(testDatabaseKinds())('an archived portfolio across nights on %s', (kind) => {
  let t: TestDatabase;
  let demo: DemoCopy;
  let deps: StepDependencies;
  let firstPack: string;
  let beforeArchive: Record<string, string[]>;
  let metricsExport: PackMetricsExport;
  let factorsExport: PackFactorsExport;

  const night = async (asOf: string) => {
    const { report } = await runNightly(t.db, createStepBodies(deps), { asOf });
    expect(report.status, JSON.stringify(report.steps)).toBe('succeeded');
    return report.pack!.id;
  };

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    demo = await demoCopy([KEPT, ARCHIVED]);
    await loadBooks(t.db, demo.booksDir);
    const rulesFile = join(demo.booksDir, 'alerts.json');
    // holds for every portfolio with a 1-year volatility: each one gets a state every night
    await writeFile(
      rulesFile,
      JSON.stringify({
        rules: [
          {
            id: 'vol-any',
            kind: 'metric',
            metric: 'volatility.1Y',
            op: '>',
            threshold: 0,
            scope: 'all',
            severity: 'info',
            channels: ['console'],
            cooldown: '1d',
          },
        ],
      }),
    );
    deps = {
      config: loadConfig({ BOOKS_DIR: demo.booksDir, OFFLINE_DATA_DIR: demo.marketDir }, '/'),
      market: new OfflineReplaySource(demo.marketDir),
      fallback: null,
      ledgerDir: demo.ledgerDir,
      booksDir: demo.booksDir,
      logger: silentLogger,
      alertSettings: readAlertSettings({ ALERT_RULES: rulesFile }),
      alertConsole: { write: () => undefined },
    };
    firstPack = await night(FIRST);
    beforeArchive = await rowsOf(t.db, ARCHIVED);
    metricsExport = await exportPackMetrics(t.db, firstPack);
    factorsExport = await exportPackFactors(t.db, firstPack);
  }, 300_000);
  afterAll(async () => {
    await t?.dispose();
    await demo?.dispose();
  });

  it('the first night covers both portfolios', async () => {
    for (const portfolio of [KEPT, ARCHIVED]) {
      const counts = await packRowsOf(t.db, firstPack, portfolio);
      expect(counts['valuations']).toBe(1);
      expect(counts['return_series']).toBe(1);
      expect(counts['metric_sets']).toBe(1);
      expect(counts['factor_sets']).toBe(1);
      expect(counts['reconciliation_results']).toBe(1);
      expect(counts['ratings']).toBe(1);
    }
    expect(await priceSymbols(t.db, firstPack)).toEqual(
      expect.arrayContaining(await heldOn(t.db, ARCHIVED, FIRST)),
    );
  });

  it('remove without --force refuses, names --force and changes nothing', async () => {
    const refusal = await removePortfolio(t.db, ARCHIVED).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BooksEditError);
    expect((refusal as BooksEditError).code).toBe('portfolio_in_use');
    expect((refusal as BooksEditError).message).toContain(`portfolios remove ${ARCHIVED} --force`);
    expect((refusal as BooksEditError).message).toContain('valuations: 1');
    expect((refusal as BooksEditError).message).toContain('ratings: 1');
    expect(await rowsOf(t.db, ARCHIVED)).toEqual(beforeArchive);
    expect((await listPortfolios(t.db)).map((p) => p.id)).toEqual([KEPT, ARCHIVED].sort());
  });

  it('remove --force archives it: everything kept and counted, listed only with includeArchived', async () => {
    const archived = await removePortfolio(t.db, ARCHIVED, { force: true });
    expect(archived.outcome).toBe('archived');
    if (archived.outcome !== 'archived') return;
    expect(archived.alreadyArchived).toBe(false);
    const expected: Record<string, number> = {};
    for (const [table, hashes] of Object.entries(beforeArchive)) {
      if (hashes.length > 0) expected[table] = hashes.length;
    }
    expect(archived.kept).toEqual(expected);
    expect((await listPortfolios(t.db)).map((p) => p.id)).toEqual([KEPT]);
    const all = await listPortfolios(t.db, { includeArchived: true });
    expect(all.find((p) => p.id === ARCHIVED)?.archivedAt).toEqual(archived.archivedAt);
    const again = await removePortfolio(t.db, ARCHIVED, { force: true });
    expect(again).toMatchObject({ outcome: 'archived', alreadyArchived: true });
    expect(again.outcome === 'archived' && again.archivedAt).toEqual(archived.archivedAt);
    // re-loading the books files does not bring it back
    await loadBooks(t.db, demo.booksDir);
    expect((await listPortfolios(t.db)).map((p) => p.id)).toEqual([KEPT]);
  });

  it('the next night runs without it; its old rows stay exactly as they were', async () => {
    const secondPack = await night(SECOND);
    expect(await packRowsOf(t.db, secondPack, ARCHIVED)).toEqual({
      valuations: 0,
      return_series: 0,
      metric_sets: 0,
      factor_sets: 0,
      reconciliation_results: 0,
      reconciliation_breaks: 0,
      ratings: 0,
    });
    const kept = await packRowsOf(t.db, secondPack, KEPT);
    expect(kept['valuations']).toBe(1);
    expect(kept['metric_sets']).toBe(1);
    expect(kept['factor_sets']).toBe(1);
    expect(kept['ratings']).toBe(1);
    expect(kept['reconciliation_results']).toBe(1);
    // the universe shrank to the kept portfolio's holdings, its benchmark and the calendar
    const universe = [...new Set(['SPY', ...(await heldOn(t.db, KEPT, SECOND))])].sort();
    expect(await priceSymbols(t.db, secondPack)).toEqual(universe);
    for (const symbol of await heldOn(t.db, ARCHIVED, SECOND)) {
      expect(await priceSymbols(t.db, firstPack)).toContain(symbol);
      expect(universe).not.toContain(symbol);
    }
    // alerts: its scope got no state on the second night, the kept one did
    const states = await t.db.query<{ scope_key: string; as_of: string }>(
      `select scope_key, as_of::text as as_of from alert_states where rule_id = 'vol-any'
        order by as_of, scope_key`,
    );
    expect(states).toEqual([
      { scope_key: KEPT, as_of: FIRST },
      { scope_key: ARCHIVED, as_of: FIRST },
      { scope_key: KEPT, as_of: SECOND },
    ]);
    const facts = await gatherNightFacts(
      t.db,
      deps,
      { runId: 'facts', asOf: SECOND, packId: secondPack },
      silentLogger,
      new AbortController().signal,
    );
    expect(facts.portfolios?.map((p) => p.id)).toEqual([KEPT]);
    // the first pack's rows of the archived portfolio are untouched and still readable,
    // and the old pack's metrics/factors exports are the same documents as before
    expect(await rowsOf(t.db, ARCHIVED)).toEqual(beforeArchive);
    expect(metricsExport.valuations.map((v) => v.portfolio_id)).toContain(ARCHIVED);
    expect(factorsExport.exposures.map((e) => e.portfolio_id)).toContain(ARCHIVED);
    expect(await exportPackMetrics(t.db, firstPack)).toEqual(metricsExport);
    expect(await exportPackFactors(t.db, firstPack)).toEqual(factorsExport);
    expect(await packRowsOf(t.db, firstPack, ARCHIVED)).toMatchObject({
      valuations: 1,
      return_series: 1,
      reconciliation_results: 1,
      ratings: 1,
    });
  }, 300_000);

  it('restore brings it back; adding the archived id is refused with a hint to restore', async () => {
    await removePortfolio(t.db, ARCHIVED, { force: true });
    const readd = await addPortfolio(t.db, {
      id: ARCHIVED,
      name: 'again',
      baseCurrency: 'USD',
      benchmark: 'AGG',
      inception: '2019-01-02',
    }).catch((e: unknown) => e);
    expect(readd).toBeInstanceOf(BooksEditError);
    expect((readd as BooksEditError).code).toBe('portfolio_archived');
    expect((readd as BooksEditError).message).toContain(`portfolios restore ${ARCHIVED}`);
    await restorePortfolio(t.db, ARCHIVED);
    expect((await listPortfolios(t.db)).map((p) => p.id)).toEqual([KEPT, ARCHIVED].sort());
    const notArchived = await restorePortfolio(t.db, ARCHIVED).catch((e: unknown) => e);
    expect((notArchived as BooksEditError).code).toBe('portfolio_not_archived');
  });
});
