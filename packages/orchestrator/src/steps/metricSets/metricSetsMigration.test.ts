import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, type Database } from '@truth-spine/store';
import {
  migrateThrough,
  openTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '@truth-spine/store/testing';
import { exportPackMetrics } from '../computeDailyMetrics/exportPackMetrics.js';
import { exportPackFactors } from '../prewarmFactors/exportPackFactors.js';
import { readFactorSets } from '../prewarmFactors/readFactorSets.js';
import { readMetricSets } from './readMetricSets.js';
import { readMetricValues } from './readMetricValues.js';

/** The migration before the metric and factor sets: rows are written in its shape. */
const BEFORE = '0010_reconciled_trading_lots';
const PACKS = ['pack-2024-03-07-v1', 'pack-2024-03-08-v1'];
const PORTFOLIOS = ['P-b', 'P-A', 'P-\u{1F600}'];
const NON_FINITE_PACK = 'pack-2024-03-06-v1';

/** Doubles whose decimal text is easy to get wrong; −0 too (the export prints it as 0). */
const awkward = [
  0.1 + 0.2,
  5e-324,
  1.7976931348623157e308,
  -2.2250738585072014e-308,
  1 / 3,
  -0,
  1e21,
  1e-7,
  2 ** 52 - 1,
  42,
];

/** `metrics` rows of one (pack, portfolio) as compute_daily_metrics and prewarm_factors wrote them. */
function oldMetricRows(packId: string, portfolioId: string, k: number): unknown[][] {
  const rows: unknown[][] = awkward.map((x, i) => [
    packId,
    portfolioId,
    `volatility.${i}Y`,
    String(k % 2 === 0 ? x : -x),
    null,
    '2023-03-09',
    '2024-03-08',
    250 + i,
    i % 3 === 0 ? JSON.stringify({ n_rows: 251 + i, peak: null, flows: [x, -2.5] }) : null,
  ]);
  rows.push(
    [
      packId,
      portfolioId,
      'series.books_fingerprint',
      String(2187654321098765 + k),
      null,
      null,
      '2024-03-08',
      null,
      JSON.stringify({ through: '2024-03-08' }),
    ],
    [
      packId,
      portfolioId,
      'sharpe.30d',
      null,
      'fewer than 2 observations',
      '2024-02-08',
      '2024-03-08',
      1,
      null,
    ],
    [packId, portfolioId, 'Zeta.upper', '7', null, null, null, null, 'null'],
    [
      packId,
      portfolioId,
      'factors.rolling_corr30.DGS10',
      '-0.123456789012345',
      null,
      null,
      null,
      30,
      JSON.stringify({}),
    ],
    [packId, portfolioId, '\u{1F600}.astral', '1', null, null, null, null, null],
    [packId, portfolioId, '\uFF5E.fullwidth', '2', null, null, null, null, null],
  );
  return rows;
}

/** `factor_exposures` rows of one (pack, portfolio) as prewarm_factors wrote them. */
function oldExposureRows(packId: string, portfolioId: string, k: number): unknown[][] {
  const rows: unknown[][] = [];
  for (const window of ['SI', '1Y', '3Y']) {
    for (const [i, x] of awkward.entries()) {
      const v = String(k % 2 === 0 ? -x : x);
      rows.push([
        packId,
        portfolioId,
        window,
        `F${i}`,
        v,
        v,
        String(i),
        v,
        null,
        JSON.stringify({ factor_period_return: x, last_day: [x, null] }),
      ]);
    }
    rows.push(
      [
        packId,
        portfolioId,
        window,
        'DGS10',
        null,
        null,
        null,
        null,
        'left out: collinear',
        JSON.stringify({}),
      ],
      [
        packId,
        portfolioId,
        window,
        '_model',
        null,
        null,
        null,
        null,
        null,
        JSON.stringify({ r_squared: 0.5, n_obs: 250 }),
      ],
      [packId, portfolioId, window, '_residual', null, null, null, '0.001', null, null],
    );
  }
  return rows;
}

async function insertOld(db: Database, table: string, columns: string[], rows: unknown[][]) {
  const params = columns.map((_c, i) => `$${i + 1}`).join(', ');
  for (const row of rows) {
    await db.query(
      `insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) values (${params})`,
      row,
    );
  }
}

/** The metrics export as it read the `metrics` table before (the reader this migration replaced). */
async function oldMetricsExport(db: Database, packId: string) {
  const metrics = await db.query<Record<string, unknown> & { details: string | null }>(
    `select portfolio_id, metric, value, reason, first_date::text as first_date,
            last_date::text as last_date, n_obs, details::text as details
       from metrics where pack_id = $1 order by portfolio_id collate "C", metric collate "C"`,
    [packId],
  );
  return {
    pack_id: packId,
    valuations: [],
    metrics: metrics.map((m) => ({
      ...m,
      value: m['value'] === null ? null : Number(m['value']),
      n_obs: m['n_obs'] === null ? null : Number(m['n_obs']),
      details: m.details === null ? null : JSON.parse(m.details),
    })),
  };
}

/** The factors export as it read `factor_exposures` before. */
async function oldFactorsExport(db: Database, packId: string) {
  const num = (x: unknown) => (x === null ? null : Number(x));
  const exposures = await db.query<Record<string, unknown>>(
    `select portfolio_id, "window", factor, loading, standard_error, t_value, contribution, reason,
            details::text as details from factor_exposures where pack_id = $1
      order by portfolio_id collate "C", "window" collate "C", factor collate "C"`,
    [packId],
  );
  return {
    pack_id: packId,
    regime: null,
    exposures: exposures.map((e) => ({
      portfolio_id: e['portfolio_id'],
      window: e['window'],
      factor: e['factor'],
      loading: num(e['loading']),
      standard_error: num(e['standard_error']),
      t_value: num(e['t_value']),
      contribution: num(e['contribution']),
      reason: e['reason'],
      details: e['details'] === null ? null : JSON.parse(e['details'] as string),
    })),
  };
}

describe.each(testDatabaseKinds())('migration 0012 (metric and factor sets) on %s', (kind) => {
  let t: TestDatabase;
  const before = new Map<string, { metrics: string; factors: string }>();
  let fingerprintsBefore: { portfolio_id: string; value: unknown }[] = [];

  beforeAll(async () => {
    t = await openTestDatabase(kind, process.env, { migrate: false });
    await migrateThrough(t.db, BEFORE);
    for (const id of PORTFOLIOS) {
      await t.db.query(
        `insert into portfolios (id, name, base_currency, benchmark, inception) values ($1, $1, 'USD', 'SPY', '2020-01-02')`,
        [id],
      );
    }
    for (const [v, packId] of PACKS.entries()) {
      await t.db.query(
        `insert into packs (id, as_of, version, sha256, price_count, fx_count, macro_count)
         values ($1, $2, 1, $3, 0, 0, 0)`,
        [packId, `2024-03-0${7 + v}`, String(v).repeat(64)],
      );
      for (const [k, portfolioId] of PORTFOLIOS.entries()) {
        // the second pack has no factors for the last portfolio: it gets no factor set
        await insertOld(
          t.db,
          'metrics',
          [
            'pack_id',
            'portfolio_id',
            'metric',
            'value',
            'reason',
            'first_date',
            'last_date',
            'n_obs',
            'details',
          ],
          oldMetricRows(packId, portfolioId, k + v),
        );
        if (v === 0 || k < PORTFOLIOS.length - 1) {
          await insertOld(
            t.db,
            'factor_exposures',
            [
              'pack_id',
              'portfolio_id',
              'window',
              'factor',
              'loading',
              'standard_error',
              't_value',
              'contribution',
              'reason',
              'details',
            ],
            oldExposureRows(packId, portfolioId, k + v),
          );
        }
      }
      before.set(packId, {
        metrics: JSON.stringify(await oldMetricsExport(t.db, packId), null, 2),
        factors: JSON.stringify(await oldFactorsExport(t.db, packId), null, 2),
      });
    }
    // a non-finite number, which no writer stored (the table's check allowed it)
    await t.db.query(
      `insert into packs (id, as_of, version, sha256, price_count, fx_count, macro_count)
       values ($1, '2024-03-06', 1, $2, 0, 0, 0)`,
      [NON_FINITE_PACK, 'f'.repeat(64)],
    );
    await t.db.query(
      `insert into metrics (pack_id, portfolio_id, metric, value) values ($1, 'P-A', 'x', 'Infinity')`,
      [NON_FINITE_PACK],
    );
    await t.db.query(
      `insert into factor_exposures (pack_id, portfolio_id, "window", factor, loading, t_value)
       values ($1, 'P-A', '1Y', 'F', 'NaN', '2')`,
      [NON_FINITE_PACK],
    );
    fingerprintsBefore = await t.db.query(
      `select portfolio_id, value from metrics where metric = 'series.books_fingerprint'
        and pack_id = $1 order by portfolio_id collate "C"`,
      [PACKS[1]],
    );
    const outcome = await migrateDatabase(t.db);
    expect(outcome.applied).toBeGreaterThanOrEqual(1);
  }, 300_000);
  afterAll(async () => t?.dispose());

  it('keeps every stored pack: the metrics and factors exports are byte-identical', async () => {
    for (const packId of PACKS) {
      expect(JSON.stringify(await exportPackMetrics(t.db, packId), null, 2)).toBe(
        before.get(packId)!.metrics,
      );
      expect(JSON.stringify(await exportPackFactors(t.db, packId), null, 2)).toBe(
        before.get(packId)!.factors,
      );
    }
    // and the exports are not empty: every row came across
    const metrics = JSON.parse(before.get(PACKS[0]!)!.metrics) as { metrics: unknown[] };
    expect(metrics.metrics).toHaveLength(PORTFOLIOS.length * (awkward.length + 6));
  });

  it('turns the rows into one record per (pack, portfolio) and drops the old tables', async () => {
    const [counts] = await t.db.query<{ m: number; f: number; old_m: unknown; old_f: unknown }>(
      `select (select count(*)::int from metric_sets) as m, (select count(*)::int from factor_sets) as f,
              to_regclass('metrics') as old_m, to_regclass('factor_exposures') as old_f`,
    );
    expect(counts).toEqual({
      m: PACKS.length * PORTFOLIOS.length + 1,
      f: PACKS.length * PORTFOLIOS.length - 1 + 1,
      old_m: null,
      old_f: null,
    });
    const sets = await readMetricSets(t.db, PACKS[0]!, ['P-b']);
    expect(sets).toHaveLength(1);
    // −0 is read back as 0, a details JSON null as no details, nulls as null
    const rows = new Map(sets[0]!.rows.map((r) => [r.metric, r]));
    expect(Object.is(rows.get('volatility.5Y')!.value, 0)).toBe(true);
    expect(rows.get('Zeta.upper')).toEqual({
      metric: 'Zeta.upper',
      value: 7,
      reason: null,
      firstDate: null,
      lastDate: null,
      nObs: null,
      details: null,
    });
    expect(rows.get('sharpe.30d')).toMatchObject({
      value: null,
      reason: 'fewer than 2 observations',
    });
    const factors = await readFactorSets(t.db, PACKS[1]!);
    expect(factors.map((f) => f.portfolioId)).toEqual(['P-A', 'P-b']);
  });

  it('turns a non-finite number into null (a metric with the reason flattenMetricRecords gives)', async () => {
    const [metrics] = await readMetricSets(t.db, NON_FINITE_PACK);
    expect(metrics!.rows).toEqual([
      {
        metric: 'x',
        value: null,
        reason: 'non-finite result (Infinity)',
        firstDate: null,
        lastDate: null,
        nObs: null,
        details: null,
      },
    ]);
    const [factors] = await readFactorSets(t.db, NON_FINITE_PACK);
    expect(factors!.exposures).toEqual([
      {
        window: '1Y',
        factor: 'F',
        loading: null,
        standardError: null,
        tValue: 2,
        contribution: null,
        reason: null,
        details: null,
      },
    ]);
  });

  it('gives the incremental path and the alerts the same values as the rows did', async () => {
    const fingerprints = await readMetricValues(t.db, PACKS[1]!, ['series.books_fingerprint']);
    expect(
      fingerprints
        .map((f) => [f.portfolioId, f.value])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual(
      fingerprintsBefore
        .map((f) => [f.portfolio_id, Number(f.value)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const sharpe = await readMetricValues(
      t.db,
      PACKS[0]!,
      ['sharpe.30d', 'volatility.1Y'],
      ['P-b'],
    );
    expect(sharpe.sort((a, b) => a.metric.localeCompare(b.metric))).toEqual([
      { portfolioId: 'P-b', metric: 'sharpe.30d', value: null },
      { portfolioId: 'P-b', metric: 'volatility.1Y', value: 5e-324 },
    ]);
  });
});
