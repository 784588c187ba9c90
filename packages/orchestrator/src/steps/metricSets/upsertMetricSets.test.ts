import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packs, portfolios } from '@truth-spine/store/schema';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import type { MetricRow } from '../metricRows/flattenMetricRecords.js';
import { readMetricSets } from './readMetricSets.js';
import { upsertMetricSets } from './upsertMetricSets.js';

const PACK = 'pack-2024-03-08-v1';
/** Doubles whose decimal text is easy to get wrong: every one must come back bit for bit. */
const awkward = [0.1 + 0.2, 5e-324, 1.7976931348623157e308, -2.2250738585072014e-308, 1 / 3, 1e21];

const row = (metric: string, value: number | null, nObs: number | null = null): MetricRow => ({
  metric,
  value,
  reason: value === null ? 'not defined for this window' : null,
  firstDate: value === null ? null : '2023-03-09',
  lastDate: '2024-03-08',
  nObs,
  details: value === null ? null : { n_rows: 261, list: [value, null] },
});

describe.each(testDatabaseKinds())('upsertMetricSets on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    for (const id of ['P-1', 'P-2']) {
      await t.db.drizzle.insert(portfolios).values({
        id,
        name: id,
        baseCurrency: 'USD',
        benchmark: 'SPY',
        inception: '2020-01-02',
      });
    }
    await t.db.drizzle.insert(packs).values({
      id: PACK,
      asOf: '2024-03-08',
      version: 1,
      sha256: '0'.repeat(64),
      priceCount: 0,
      fxCount: 0,
      macroCount: 0,
    });
  }, 120_000);
  afterAll(async () => t?.dispose());

  it('stores one record per portfolio whose doubles read back bit for bit', async () => {
    const rows = [...awkward.map((x, i) => row(`m.${i}`, x, 250 + i)), row('m.null', null)];
    const written = await upsertMetricSets(t.db.drizzle, PACK, [
      { portfolioId: 'P-2', rows },
      { portfolioId: 'P-1', rows: [row('only', 1)] },
    ]);
    expect(written).toBe(rows.length + 1);
    const sets = await readMetricSets(t.db, PACK);
    expect(sets.map((s) => s.portfolioId)).toEqual(['P-1', 'P-2']);
    expect(sets[1]!.rows).toEqual(rows);
    for (const [i, r] of sets[1]!.rows.entries()) {
      expect(Object.is(r.value, rows[i]!.value), r.metric).toBe(true);
    }
    const [n] = await t.db.query<{ n: number }>(
      'select count(*)::int as n from metric_sets where pack_id = $1',
      [PACK],
    );
    expect(n!.n).toBe(2);
  });

  it('merges by metric name into the stored record, as the per-metric upsert did', async () => {
    // prewarm_factors adds its correlations; a re-run replaces a value, never duplicates it
    await upsertMetricSets(t.db.drizzle, PACK, [
      { portfolioId: 'P-1', rows: [row('factors.rolling_corr30.F', 0.5, 30), row('only', 2)] },
    ]);
    const [set] = await readMetricSets(t.db, PACK, ['P-1']);
    expect(set!.rows).toEqual([row('factors.rolling_corr30.F', 0.5, 30), row('only', 2)]);
    const [other] = await readMetricSets(t.db, PACK, ['P-2']);
    expect(other!.rows).toHaveLength(awkward.length + 1);
  });

  it('appends metrics of new names and still reads the record sorted by name', async () => {
    await upsertMetricSets(t.db.drizzle, PACK, [
      { portfolioId: 'P-2', rows: [row('z.last', 9), row('a.first', 8)] },
    ]);
    const [set] = await readMetricSets(t.db, PACK, ['P-2']);
    expect(set!.rows.map((r) => r.metric)).toEqual([
      'a.first',
      ...awkward.map((_x, i) => `m.${i}`),
      'm.null',
      'z.last',
    ]);
    expect(set!.rows[0]).toEqual(row('a.first', 8));
    // and a later write of a stored name replaces it in the appended record
    await upsertMetricSets(t.db.drizzle, PACK, [{ portfolioId: 'P-2', rows: [row('a.first', 7)] }]);
    const [again] = await readMetricSets(t.db, PACK, ['P-2']);
    expect(again!.rows.filter((r) => r.metric === 'a.first')).toEqual([row('a.first', 7)]);
    expect(again!.rows).toHaveLength(awkward.length + 3);
  });

  it('writes nothing when a row breaks the record contract', async () => {
    await expect(
      upsertMetricSets(t.db.drizzle, PACK, [
        { portfolioId: 'P-1', rows: [row('only', 3), { ...row('bad', 1), reason: 'both' }] },
      ]),
    ).rejects.toThrow(/exactly one of a value and a reason/);
    const [set] = await readMetricSets(t.db, PACK, ['P-1']);
    expect(set!.rows.find((r) => r.metric === 'only')!.value).toBe(2);
  });
});
