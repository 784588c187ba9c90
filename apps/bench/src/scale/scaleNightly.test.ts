import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeDailyMetricsStep, exportPackMetrics } from '@truth-spine/orchestrator';
import { loadBooks } from '@truth-spine/books';
import { openDatabase, type Database } from '@truth-spine/store';
import { afterAll, describe, expect, it } from 'vitest';
import { generateScaleDataSet } from './generateScaleDataSet.js';
import { loadScaleBooks } from './loadScaleBooks.js';
import { runMeasuredNight, scaleStepBodies, scaleStepDependencies } from './scaleNight.js';
import type { ScaleParams } from './scaleParams.js';

const small: ScaleParams = {
  portfolios: 4,
  holdings: 5,
  securities: 20,
  years: 2,
  currencies: ['USD', 'EUR', 'GBP'],
  seed: 3,
  breaks: 0,
};
const root = mkdtempSync(join(tmpdir(), 'bench-nightly-'));
const opened: Database[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
  rmSync(root, { recursive: true, force: true });
});

async function freshDatabase(): Promise<Database> {
  const db = await openDatabase('pglite://memory');
  opened.push(db);
  return db;
}

/** Every row of `table` ordered by all its columns, for comparing two stores. */
async function rowsOf(db: Database, table: string, columns: string): Promise<unknown[]> {
  return db.query(`select ${columns} from ${table} order by ${columns}`);
}

describe('bench nightly on a generated set', () => {
  it('fast path = straightforward path: bulk load + incremental night D give the same rows and metrics export as loadBooks + a full recompute', async () => {
    const set = generateScaleDataSet(small, join(root, 'ok'));
    const fast = await freshDatabase();
    const slow = await freshDatabase();
    await loadScaleBooks(fast, set.booksDir);
    await loadBooks(slow, set.booksDir);
    const columns =
      'portfolio_id, external_id, trade_date, settle_date, type, symbol, quantity::text, price::text, amount::text, currency, ex_date, pay_date, description';
    expect(await rowsOf(fast, 'transactions', columns)).toEqual(
      await rowsOf(slow, 'transactions', columns),
    );
    expect(
      await rowsOf(fast, 'portfolios', 'id, name, base_currency, benchmark, inception'),
    ).toEqual(await rowsOf(slow, 'portfolios', 'id, name, base_currency, benchmark, inception'));
    expect(
      await rowsOf(
        fast,
        'securities',
        'symbol, name, currency, kind, country, adr_ratio, underlying',
      ),
    ).toEqual(
      await rowsOf(
        slow,
        'securities',
        'symbol, name, currency, kind, country, adr_ratio, underlying',
      ),
    );

    const fastBodies = scaleStepBodies(set);
    const slowBodies = {
      ...scaleStepBodies(set),
      compute_daily_metrics: computeDailyMetricsStep(scaleStepDependencies(set), {
        incremental: false,
      }),
    };
    for (const day of [set.previousDay, set.lastDay]) {
      const a = await runMeasuredNight(fast, fastBodies, set, day);
      const b = await runMeasuredNight(slow, slowBodies, set, day);
      expect(a.status).toBe('succeeded');
      expect(b.status).toBe('succeeded');
      expect(a.packId).toBe(b.packId);
    }
    const packD = `pack-${set.lastDay}-v1`;
    const fastExport = await exportPackMetrics(fast, packD);
    expect(fastExport.metrics.length).toBeGreaterThan(small.portfolios * 10);
    expect(JSON.stringify(fastExport)).toBe(JSON.stringify(await exportPackMetrics(slow, packD)));
    const [reconciled] = await fast.query<{ ok: number }>(
      `select count(*)::int as ok from reconciliation_results where pack_id = $1 and ok and break_count = 0`,
      [packD],
    );
    expect(reconciled?.ok).toBe(small.portfolios);
  }, 600_000);

  it('with --breaks 2 the real reconcile_ledger step records exactly 2 breaks and blocks the run', async () => {
    const set = generateScaleDataSet({ ...small, breaks: 2 }, join(root, 'broken'));
    const db = await freshDatabase();
    await loadScaleBooks(db, set.booksDir);
    const night = await runMeasuredNight(db, scaleStepBodies(set), set, set.lastDay);
    expect(night.status).toBe('blocked');
    expect(night.steps.find((s) => s.name === 'reconcile_ledger')?.status).toBe('failed');
    const breaks = await db.query<{ portfolio_id: string; kind: string; subject: string }>(
      'select portfolio_id, kind, subject from reconciliation_breaks order by portfolio_id',
    );
    expect(breaks.map((b) => b.portfolio_id)).toEqual(set.brokenPortfolios);
    expect(breaks.every((b) => b.kind === 'cash')).toBe(true);
  }, 600_000);
});
