import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packs, portfolios } from '@truth-spine/store/schema';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import type { FactorExposureRow } from './factorExposureRows.js';
import { readFactorSets } from './readFactorSets.js';
import { writeFactorExposures } from './writeFactorExposures.js';

/** Doubles whose decimal text is easy to get wrong: every one must come back bit for bit. */
const awkward = [0.1 + 0.2, 5e-324, 1.7976931348623157e308, -2.2250738585072014e-308, 1 / 3, -0.5];

describe.each(testDatabaseKinds())('writeFactorExposures (factor_sets) on %s', (kind) => {
  let t: TestDatabase;
  const row = (factor: string, loading: number | null, details: Record<string, unknown>) =>
    ({
      packId: 'pack-2024-03-08-v1',
      portfolioId: 'P-1',
      window: '1Y',
      factor,
      loading,
      standardError: loading === null ? null : loading / 7,
      tValue: 7,
      contribution: loading,
      reason: loading === null ? 'left out: collinear' : null,
      details,
    }) as FactorExposureRow;
  const stored = async () => {
    const sets = await readFactorSets(t.db, 'pack-2024-03-08-v1');
    expect(sets.map((s) => s.portfolioId)).toEqual(['P-1']);
    return sets[0]!.exposures.map((e) => ({
      factor: e.factor,
      loading: e.loading,
      standard_error: e.standardError,
      t_value: e.tValue,
      contribution: e.contribution,
      reason: e.reason,
      details: e.details,
    }));
  };

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.db.drizzle.insert(portfolios).values({
      id: 'P-1',
      name: 'one',
      baseCurrency: 'USD',
      benchmark: 'SPY',
      inception: '2020-01-02',
    });
    await t.db.drizzle.insert(packs).values({
      id: 'pack-2024-03-08-v1',
      asOf: '2024-03-08',
      version: 1,
      sha256: '0'.repeat(64),
      priceCount: 0,
      fxCount: 0,
      macroCount: 0,
    });
  }, 120_000);
  afterAll(async () => {
    await t.dispose();
  });

  it('stores every double bit for bit, nulls and details as given, and upserts by (pack, portfolio, window, factor)', async () => {
    const rows = [
      ...awkward.map((x, i) => row(`F${i}`, x, { period_return: x, nested: { list: [x, null] } })),
      row('DGS10', null, {}),
    ];
    await writeFactorExposures(t.db.drizzle, rows);
    const read = await stored();
    // one record, its exposures sorted by window then factor (code points: upper case first)
    expect(read.map((r) => r.factor)).toEqual([...rows.map((r) => r.factor)].sort());
    const [record] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from factor_sets where pack_id = 'pack-2024-03-08-v1'`,
    );
    expect(record!.n).toBe(1);
    for (const r of rows) {
      const back = read.find((s) => s.factor === r.factor)!;
      for (const [column, value] of [
        ['loading', r.loading],
        ['standard_error', r.standardError],
        ['t_value', r.tValue],
        ['contribution', r.contribution],
      ] as const) {
        const got = back[column] === null ? null : Number(back[column]);
        expect(Object.is(got, value ?? null), `${r.factor}.${column}: ${got} vs ${value}`).toBe(
          true,
        );
      }
      expect(back.reason).toBe(r.reason);
      expect(back.details).toEqual(r.details);
    }
    // A re-run of the same pack replaces the values, never duplicates a row.
    await writeFactorExposures(t.db.drizzle, [row('F0', 42, { period_return: 42 })]);
    const again = await stored();
    expect(again).toHaveLength(rows.length);
    expect(Number(again.find((s) => s.factor === 'F0')!.loading)).toBe(42);
    expect(again.find((s) => s.factor === 'F0')!.details).toEqual({ period_return: 42 });
  });
});
