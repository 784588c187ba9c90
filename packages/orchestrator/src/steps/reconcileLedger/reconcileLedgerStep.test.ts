import { OfflineReplaySource } from '@truth-spine/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBooks } from '@truth-spine/books';
import { loadConfig } from '../../config/loadConfig.js';
import type { Database } from '@truth-spine/store';
import { systemClock } from '../../pipeline/clock.js';
import { silentLogger } from '../../pipeline/logger.js';
import { runNightly } from '../../pipeline/runPipeline.js';
import type { StepContext } from '../../pipeline/stepBody.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { buildPackStep } from '../buildPack/buildPackStep.js';
import { demoCopy, withoutTransaction, type DemoCopy } from '../buildPack/testing/demoCopy.js';
import { createStepBodies } from '../createStepBodies.js';
import type { StepDependencies } from '../stepDependencies.js';
import { closedLots } from '../tradingLots/closedLots.js';
import { computeDailyMetricsStep } from '../computeDailyMetrics/computeDailyMetricsStep.js';
import { readMetricValues } from '../metricSets/readMetricValues.js';
import { reconciledTradingLots } from '../tradingLots/reconciledTradingLots.js';
import { tradingLotRows } from '../tradingLots/tradingLotRows.js';
import { reconcileLedgerStep } from './reconcileLedgerStep.js';

const D = '2024-03-08';
/** The last dividend of P-USD-GROWTH (books row P-USD-GROWTH-0147, USD 124.80). */
const DIVIDEND = '2024-02-16 * "AAPL dividend USD 0.24 per share on 520 shares';

const context = (db: Database, step: StepContext['step'], packId: string | null): StepContext => ({
  runId: 'test-run',
  asOf: D,
  trigger: 'manual',
  step,
  packId,
  attempt: 1,
  signal: new AbortController().signal,
  db,
  logger: silentLogger,
  clock: systemClock,
  outputs: {},
});

describe.each(testDatabaseKinds())('reconcile_ledger on %s', (kind) => {
  let t: TestDatabase;
  let demo: DemoCopy;
  let deps: StepDependencies;
  let packId: string;
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
    const built = await buildPackStep(deps)(context(t.db, 'build_pack', null));
    if (built.status !== 'succeeded' || built.packId === undefined) throw new Error('no pack');
    packId = built.packId;
  }, 120_000);
  afterAll(async () => {
    await t.dispose();
    await demo.dispose();
  });

  it('reconciles the bundled ledger with the books, valued with the pack', async () => {
    const outcome = await reconcileLedgerStep(deps)(context(t.db, 'reconcile_ledger', packId));
    expect(outcome).toEqual({
      status: 'succeeded',
      details: {
        portfolios: 1,
        verdicts: { 'P-USD-GROWTH': 'reconciled' },
        ledgers: { carried: 0, parsed: 1, untrusted: 0 },
      },
    });
    const [result] = await t.db.query<{
      ok: boolean;
      break_count: number;
      platform_value: string;
      ledger_value: string;
    }>(
      `select ok, break_count, platform_value::text as platform_value, ledger_value::text as ledger_value
         from reconciliation_results where pack_id = $1`,
      [packId],
    );
    expect(result?.ok).toBe(true);
    expect(result?.break_count).toBe(0);
    expect(result?.ledger_value).toBe(result?.platform_value);
  });

  it('hands compute_daily_metrics the trading-lot rows of the ledger it parsed, and compute uses them', async () => {
    const [row] = await t.db.query<{ trading_lots: string | null; inception: string }>(
      `select r.trading_lots, p.inception::text as inception
         from reconciliation_results r join portfolios p on p.id = r.portfolio_id
        where r.pack_id = $1 and r.portfolio_id = 'P-USD-GROWTH'`,
      [packId],
    );
    // the same rows a separate parse of the ledger file gives
    const direct = tradingLotRows(closedLots(demo.ledgerDir, 'P-USD-GROWTH', D), D, row!.inception);
    expect(direct.length).toBeGreaterThan(0);
    expect(JSON.parse(row!.trading_lots!)).toEqual(JSON.parse(JSON.stringify(direct)));
    // compute_daily_metrics takes them from the store instead of parsing the ledger again:
    // a marked value shows up in its metrics (and a missing one is parsed from the ledger)
    const marked = direct.map((r) =>
      r.metric === 'trading_lots.inception.n_lots' ? { ...r, value: 4242 } : r,
    );
    await t.db.query(`update reconciliation_results set trading_lots = $2 where pack_id = $1`, [
      packId,
      JSON.stringify(marked),
    ]);
    const read = await reconciledTradingLots(t.db, packId, ['P-USD-GROWTH', 'P-OTHER']);
    expect([...read.keys()]).toEqual(['P-USD-GROWTH']);
    expect(
      read.get('P-USD-GROWTH')!.find((r) => r.metric === 'trading_lots.inception.n_lots')?.value,
    ).toBe(4242);
    const computed = await computeDailyMetricsStep(deps)(
      context(t.db, 'compute_daily_metrics', packId),
    );
    expect(computed.status).toBe('succeeded');
    const [stored] = await readMetricValues(
      t.db,
      packId,
      ['trading_lots.inception.n_lots'],
      ['P-USD-GROWTH'],
    );
    expect(stored?.value).toBe(4242);
    await t.db.query(`update reconciliation_results set trading_lots = $2 where pack_id = $1`, [
      packId,
      row!.trading_lots,
    ]);
    await t.db.query(`delete from metric_sets where pack_id = $1`, [packId]);
  });

  it('a ledger without a dividend fails with a persisted break naming the books transaction', async () => {
    await demo.edit('ledgers/P-USD-GROWTH.beancount', (text) => withoutTransaction(text, DIVIDEND));
    const outcome = await reconcileLedgerStep(deps)(context(t.db, 'reconcile_ledger', packId));
    expect(outcome.status).toBe('failed');
    const error = outcome.status === 'failed' ? outcome.error : '';
    // the ledger's own balance assertion fails, and the break names the books transaction
    expect(error).toMatch(/P-USD-GROWTH\.beancount:\d+: Balance failed .*124\.80 too little/);
    expect(error).toMatch(/P-USD-GROWTH-0147/);
    const breaks = await t.db.query<{
      kind: string;
      subject: string;
      platform: string;
      ledger: string;
    }>(
      `select kind, subject, platform::text as platform, ledger::text as ledger
         from reconciliation_breaks where pack_id = $1 and kind <> 'value'`,
      [packId],
    );
    expect(breaks).toHaveLength(1);
    const [only] = breaks;
    expect(only?.kind).toBe('missing_transaction');
    expect(only?.subject).toBe('USD');
    // the ledger lacks exactly the dividend: books − ledger = 124.80
    expect(Number(only!.platform) - Number(only!.ledger)).toBeCloseTo(124.8, 8);
  });

  it('blocks steps 3–7 of a night; the stored pack stays warming and the gate says blocked', async () => {
    const { report } = await runNightly(t.db, createStepBodies(deps), { asOf: D, force: true });
    expect(report.status).toBe('blocked');
    expect(report.blocked_at).toBe('reconcile_ledger');
    expect(report.steps.map((s) => s.status)).toEqual([
      'succeeded',
      'failed',
      'blocked',
      'blocked',
      'blocked',
      'blocked',
      'blocked',
    ]);
    expect(report.pack?.id).toBe(packId);
    expect(report.pack?.status).toBe('blocked');
    expect(report.pack?.blocked?.step).toBe('reconcile_ledger');
  }, 60_000);
});
