import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OfflineReplaySource } from '@truth-spine/providers';
import {
  computeMetricSet,
  isoToEpochDay,
  MACRO_FACTORS,
  type MetricSetInput,
} from '@truth-spine/finance-core';
import Big from 'big.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBooks } from '@truth-spine/books';
import { loadConfig } from '../../config/loadConfig.js';
import type { Database } from '@truth-spine/store';
import { systemClock } from '../../pipeline/clock.js';
import { silentLogger } from '../../pipeline/logger.js';
import type { StepContext } from '../../pipeline/stepBody.js';
import type { StepName } from '../../pipeline/steps.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { buildPackStep } from '../buildPack/buildPackStep.js';
import { demoCopy, type DemoCopy } from '../buildPack/testing/demoCopy.js';
import { exportPackFactors } from '../prewarmFactors/exportPackFactors.js';
import { prewarmFactorsStep } from '../prewarmFactors/prewarmFactorsStep.js';
import type { StepDependencies } from '../stepDependencies.js';
import { readReturnSeries } from '../valuation/readReturnSeries.js';
import { computeDailyMetricsStep } from './computeDailyMetricsStep.js';
import { exportPackMetrics } from './exportPackMetrics.js';
import { metricRowsFor } from './metricRowsFor.js';

const D = '2024-03-08';
const P = 'P-EUR-GLOBAL';
const INCEPTION = '2019-01-02';

const PREVIOUS = '2024-03-07';

const context = (
  db: Database,
  step: StepName,
  packId: string | null,
  asOf: string = D,
): StepContext => ({
  runId: 'test-run',
  asOf,
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

/** `date → value` of a data-file CSV column (blank → null), read straight from the file. */
async function csvColumn(path: string, column: string): Promise<Map<string, string | null>> {
  const [header, ...lines] = (await readFile(path, 'utf8')).trim().split('\n');
  const index = header!.split(',').indexOf(column);
  return new Map(
    lines.map((line) => {
      const cells = line.split(',');
      return [cells[0]!, cells[index] === '' ? null : cells[index]!];
    }),
  );
}

describe.each(testDatabaseKinds())('compute_daily_metrics and prewarm_factors on %s', (kind) => {
  let t: TestDatabase;
  let demo: DemoCopy;
  let deps: StepDependencies;
  let packId: string;
  let spyDates: string[];
  let incrementalDetails: Record<string, unknown>;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    demo = await demoCopy([P]);
    await loadBooks(t.db, demo.booksDir);
    deps = {
      config: loadConfig({ BOOKS_DIR: demo.booksDir, OFFLINE_DATA_DIR: demo.marketDir }, '/'),
      market: new OfflineReplaySource(demo.marketDir),
      fallback: null,
      ledgerDir: demo.ledgerDir,
      logger: silentLogger,
    };
    // the previous trading day first, marked fresh: D's series is then extended incrementally
    const previous = await buildPackStep(deps)(context(t.db, 'build_pack', null, PREVIOUS));
    if (previous.status !== 'succeeded') throw new Error(`build_pack: ${JSON.stringify(previous)}`);
    const metricsBefore = await computeDailyMetricsStep(deps)(
      context(t.db, 'compute_daily_metrics', previous.packId!, PREVIOUS),
    );
    expect(metricsBefore.status).toBe('succeeded');
    await t.db.query(`update packs set status = 'fresh', fresh_at = now() where id = $1`, [
      previous.packId,
    ]);
    const pack = await buildPackStep(deps)(context(t.db, 'build_pack', null));
    if (pack.status !== 'succeeded') throw new Error(`build_pack: ${JSON.stringify(pack)}`);
    packId = pack.packId!;
    const metrics = await computeDailyMetricsStep(deps)(
      context(t.db, 'compute_daily_metrics', packId),
    );
    expect(metrics.status).toBe('succeeded');
    incrementalDetails = metrics.details ?? {};
    const factors = await prewarmFactorsStep(deps)(context(t.db, 'prewarm_factors', packId));
    expect(factors.status).toBe('succeeded');
    spyDates = [
      ...(await csvColumn(join(demo.marketDir, 'prices', 'SPY.csv'), 'close')).keys(),
    ].filter((d) => d >= INCEPTION && d <= D);
  }, 180_000);
  afterAll(async () => {
    await t?.dispose();
    await demo?.dispose();
  });

  it('values D exactly: the books folded by SQL, priced from the data files', async () => {
    const units = await t.db.query<{ symbol: string; units: string }>(
      `select symbol, sum(case when type = 'sell' then -quantity else quantity end)::text as units
         from transactions where portfolio_id = $1 and type in ('buy', 'sell', 'split') and trade_date <= $2
        group by symbol having sum(case when type = 'sell' then -quantity else quantity end) <> 0`,
      [P, D],
    );
    const cash = await t.db.query<{ currency: string; amount: string }>(
      `select currency, sum(amount)::text as amount from transactions
        where portfolio_id = $1 and trade_date <= $2 group by currency`,
      [P, D],
    );
    const eurUsd = new Big(
      (await csvColumn(join(demo.marketDir, 'fx', 'EURUSD.csv'), 'rate')).get(D)!,
    );
    let usd = new Big(0);
    for (const u of units) {
      const close = (
        await csvColumn(join(demo.marketDir, 'prices', `${u.symbol}.csv`), 'close')
      ).get(D)!;
      usd = usd.plus(new Big(u.units).times(close)); // every holding of this portfolio is USD-quoted
    }
    const securities = usd.div(eurUsd);
    let cashEur = new Big(0);
    for (const c of cash)
      cashEur = cashEur.plus(
        c.currency === 'EUR' ? new Big(c.amount) : new Big(c.amount).div(eurUsd),
      );
    const [row] = await t.db.query<{
      market_value: string;
      securities_value: string;
      cash_value: string;
      positions: number;
    }>(
      `select market_value::text as market_value, securities_value::text as securities_value,
              cash_value::text as cash_value, positions from valuations where pack_id = $1 and portfolio_id = $2`,
      [packId, P],
    );
    expect(Number(row!.positions)).toBe(units.length);
    expect(new Big(row!.securities_value).minus(securities).abs().lt('1e-12')).toBe(true);
    expect(new Big(row!.cash_value).minus(cashEur).abs().lt('1e-12')).toBe(true);
    expect(new Big(row!.market_value).minus(securities.plus(cashEur)).abs().lt('1e-12')).toBe(true);
  });

  it('stores the whole daily history on the SPY calendar with the books’ external flows', async () => {
    const series = (await readReturnSeries(t.db, packId, [P])).get(P)!;
    expect(series.epochDays.length).toBe(spyDates.length);
    expect(series.epochDays[0]).toBe(isoToEpochDay(INCEPTION));
    expect(series.epochDays[series.epochDays.length - 1]).toBe(isoToEpochDay(D));
    expect(series.returns.length).toBe(spyDates.length - 1);
    // EUR deposits and withdrawals of the books, on their dates (base currency = EUR, no FX)
    const flows = await t.db.query<{ trade_date: string; amount: string }>(
      `select trade_date::text as trade_date, amount::text as amount from transactions
        where portfolio_id = $1 and type in ('deposit', 'withdrawal') order by trade_date`,
      [P],
    );
    const stored = new Map<number, number>();
    series.externalFlows.forEach((f, i) => f !== 0 && stored.set(series.epochDays[i]!, f));
    expect(stored).toEqual(
      new Map(flows.map((f) => [isoToEpochDay(f.trade_date), Number(f.amount)])),
    );
    const [valuation] = await t.db.query<{ market_value: string }>(
      `select market_value::text as market_value from valuations where pack_id = $1`,
      [packId],
    );
    expect(
      series.values[series.values.length - 1]! / Number(valuation!.market_value) - 1,
    ).toBeLessThan(1e-12);
    for (let i = 0; i < series.returns.length; i++) {
      expect(series.returns[i]).toBe(
        (series.values[i + 1]! - series.externalFlows[i + 1]!) / series.values[i]! - 1,
      );
    }
  });

  it('stores exactly the metric set finance-core computes from the series, the EFA closes and DGS3MO', async () => {
    const series = (await readReturnSeries(t.db, packId, [P])).get(P)!;
    const efa = await csvColumn(join(demo.marketDir, 'prices', 'EFA.csv'), 'close');
    const dgs3mo = await csvColumn(join(demo.marketDir, 'macro', 'DGS3MO.csv'), 'value');
    const benchmark = new Float64Array(spyDates.length).fill(NaN);
    const riskFree = new Float64Array(spyDates.length).fill(NaN);
    const allDates = [...dgs3mo.keys()].sort();
    spyDates.forEach((date, i) => {
      const close = efa.get(date);
      const previous = i > 0 ? efa.get(spyDates[i - 1]!) : undefined;
      if (close && previous) benchmark[i] = Number(close) / Number(previous) - 1;
      const yieldPercent = allDates.filter((d) => d <= date && dgs3mo.get(d) !== null).at(-1);
      if (yieldPercent !== undefined)
        riskFree[i] = (1 + Number(dgs3mo.get(yieldPercent)) / 100) ** (1 / 252) - 1;
    });
    const returns = new Float64Array(spyDates.length).fill(NaN);
    returns.set(series.returns, 1);
    const input: MetricSetInput = {
      portfolio: P,
      calendar: Int32Array.from(spyDates, isoToEpochDay),
      inceptionDay: isoToEpochDay(INCEPTION),
      inceptionValue: series.values[0]!,
      returns,
      values: series.values,
      flows: series.externalFlows,
      benchmark,
      riskFree,
      factors: [],
      factorNames: [],
    };
    const expected = metricRowsFor(computeMetricSet(input, isoToEpochDay(D)));
    const exported = await exportPackMetrics(t.db, packId);
    const stored = new Map(exported.metrics.map((m) => [m.metric, m]));
    expect(expected.length).toBeGreaterThan(100);
    for (const row of expected) {
      const got = stored.get(row.metric);
      expect(got, row.metric).toBeDefined();
      expect([got!.value, got!.reason, got!.n_obs], row.metric).toEqual([
        row.value,
        row.reason,
        row.nObs,
      ]);
    }
    for (const name of [
      'twr.YTD.cumulative',
      'volatility.1Y',
      'sharpe.30d',
      'max_drawdown.1Y',
      'capm.1Y.beta',
      'mwr_xirr.inception.xirr',
    ]) {
      expect(typeof stored.get(name)?.value, name).toBe('number');
    }
    expect(stored.get('max_drawdown.1Y')!.details).toHaveProperty('peak_date');
    // per-lot statistics from the ledger: the books have sells, each closing at least one lot
    const [sells] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from transactions where portfolio_id = $1 and type = 'sell'`,
      [P],
    );
    expect(sells!.n).toBeGreaterThan(0);
    expect(stored.get('trading_lots.inception.n_lots')!.value).toBeGreaterThanOrEqual(sells!.n);
  });

  it('drops DGS10 from the factor model, as the data make it: DGS10 = DFII10 + T10YIE exactly', async () => {
    // FRED's breakeven T10YIE is DGS10 − DFII10, so the five factor changes are collinear
    const level = (series: string) =>
      csvColumn(join(demo.marketDir, 'macro', `${series}.csv`), 'value');
    const [dgs10, dfii10, t10yie] = await Promise.all([
      level('DGS10'),
      level('DFII10'),
      level('T10YIE'),
    ]);
    let compared = 0;
    for (const [date, nominal] of dgs10) {
      const real = dfii10.get(date);
      const breakeven = t10yie.get(date);
      if (nominal === null || !real || !breakeven) continue;
      expect(new Big(real).plus(breakeven).eq(nominal), date).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
    const exported = await exportPackFactors(t.db, packId);
    const names = MACRO_FACTORS.map((f) => f.id);
    for (const window of ['1Y', '3Y', 'inception']) {
      const rows = exported.exposures.filter((e) => e.portfolio_id === P && e.window === window);
      // sorted by factor (collate "C"): the four fitted factors, DGS10 dropped with the reason
      expect(rows.map((r) => [r.factor, typeof r.loading, r.reason])).toEqual(
        [...names, '_intercept', '_model', '_residual']
          .sort()
          .map((factor) =>
            factor === 'DGS10'
              ? [
                  factor,
                  'object',
                  'collinear: DGS10 = DFII10 + T10YIE on every observation (dropped from the fit)',
                ]
              : [factor, factor === '_model' || factor === '_residual' ? 'object' : 'number', null],
          ),
      );
      const model = rows.find((r) => r.factor === '_model')!.details as Record<string, number>;
      expect(model['k_factors']).toBe(4);
      expect(model['n_obs']).toBeGreaterThan(200);
    }
    expect(exported.regime?.as_of).toBe(D);
    expect(
      exported.regime?.regime === null ? exported.regime.reason : exported.regime?.regime,
    ).toMatch(/^(goldilocks|reflation|stagflation|deflation|.+ undefined.*)$/);
    const metrics = await exportPackMetrics(t.db, packId);
    const correlations = metrics.metrics.filter((m) =>
      m.metric.startsWith('factors.rolling_corr30.'),
    );
    expect(correlations.map((m) => m.metric).sort()).toEqual(
      [...names.map((n) => `factors.rolling_corr30.${n}`), 'factors.rolling_corr30.n_pairs'].sort(),
    );
  });

  it('extends the previous fresh series by one day, byte-identical to a full recompute', async () => {
    expect(incrementalDetails).toMatchObject({ extended_incrementally: 1 });
    const stored = async () => (await readReturnSeries(t.db, packId, [P])).get(P)!;
    const incremental = await stored();
    const full = await computeDailyMetricsStep(deps, { incremental: false })(
      context(t.db, 'compute_daily_metrics', packId),
    );
    expect(full).toMatchObject({ status: 'succeeded', details: { extended_incrementally: 0 } });
    const recomputed = await stored();
    for (const column of ['epochDays', 'values', 'returns', 'externalFlows'] as const) {
      const bytesOf = (a: Int32Array | Float64Array) =>
        Buffer.from(a.buffer, a.byteOffset, a.byteLength);
      expect(bytesOf(recomputed[column]).equals(bytesOf(incremental[column])), column).toBe(true);
    }
    // the incremental night appended to a lineage; the full recompute started its own
    expect(incremental.lineage).not.toBeNull();
    expect(recomputed.lineage?.id).not.toBe(incremental.lineage?.id);
  });

  it('recomputes in full when the books before D changed since the previous night', async () => {
    await t.db.query(
      `update transactions set amount = amount - 1 where portfolio_id = $1 and type = 'fee'
         and trade_date = (select min(trade_date) from transactions where portfolio_id = $1 and type = 'fee')`,
      [P],
    );
    try {
      const outcome = await computeDailyMetricsStep(deps)(
        context(t.db, 'compute_daily_metrics', packId),
      );
      expect(outcome).toMatchObject({
        status: 'succeeded',
        details: { extended_incrementally: 0 },
      });
    } finally {
      await t.db.query(
        `update transactions set amount = amount + 1 where portfolio_id = $1 and type = 'fee'
           and trade_date = (select min(trade_date) from transactions where portfolio_id = $1 and type = 'fee')`,
        [P],
      );
      await computeDailyMetricsStep(deps)(context(t.db, 'compute_daily_metrics', packId));
    }
  });

  it('rewrites the same results when a step runs again (idempotent, deterministic export)', async () => {
    const before = JSON.stringify([
      await exportPackMetrics(t.db, packId),
      await exportPackFactors(t.db, packId),
    ]);
    await computeDailyMetricsStep(deps)(context(t.db, 'compute_daily_metrics', packId));
    await prewarmFactorsStep(deps)(context(t.db, 'prewarm_factors', packId));
    const after = JSON.stringify([
      await exportPackMetrics(t.db, packId),
      await exportPackFactors(t.db, packId),
    ]);
    expect(after).toBe(before);
  });
});
