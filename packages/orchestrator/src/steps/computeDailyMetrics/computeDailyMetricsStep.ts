import {
  computeMetricSet,
  epochDayToIso,
  firstRowAfter,
  isoToEpochDay,
} from '@truth-spine/finance-core';
import type { Database } from '../../db/database.js';
import type { StepBody, StepContext, StepOutcome } from '../../pipeline/stepBody.js';
import { localReturns } from '../history/localReturns.js';
import { readMacroHistory } from '../history/readMacroHistory.js';
import { riskFreeDailyRates } from '../history/riskFreeDailyRates.js';
import type { StepDependencies } from '../stepDependencies.js';
import { exactValuation } from '../valuation/exactValuation.js';
import { NightMarket } from '../valuation/nightMarket.js';
import { booksFingerprint } from '../valuation/booksFingerprint.js';
import { extendHistory } from '../valuation/extendHistory.js';
import { portfolioHistory, type ValuationMarket } from '../valuation/portfolioHistory.js';
import {
  BOOKS_FINGERPRINT_METRIC,
  freshPackOf,
  readPreviousSeries,
  type PreviousSeries,
} from '../valuation/readPreviousSeries.js';
import { readPackQuotes } from '../valuation/readPackQuotes.js';
import { readPortfolioBatches } from '../valuation/readPortfolioBatches.js';
import { upsertRows } from '../valuation/upsertRows.js';
import {
  RETURN_SERIES_COLUMNS,
  returnSeriesRow,
  VALUATION_COLUMNS,
  valuationRow,
} from '../valuation/valuationRows.js';
import { closedLots } from './closedLots.js';
import { metricRowsFor } from './metricRowsFor.js';
import { tradingLotRows } from './tradingLotRows.js';
import { metricSetInputFor } from './metricSetInputFor.js';

/** FRED series of the risk-free rate (3-month Treasury bill, percent). */
export const RISK_FREE_SERIES = 'DGS3MO';

/** Default trading-calendar symbol (config CALENDAR_SYMBOL). */
export const DEFAULT_CALENDAR_SYMBOL = 'SPY';

/** Columns of a metrics row. */
export const METRIC_COLUMNS = [
  'pack_id',
  'portfolio_id',
  'metric',
  'value',
  'reason',
  'first_date',
  'last_date',
  'n_obs',
  'details',
] as const;

/**
 * compute_daily_metrics (SPEC §6): for every portfolio existing on D, streamed in batches —
 * its daily history from the books and market history (`portfolioHistory`), its exact
 * value on D with the pack's closes and FX (`valuations`), the whole history as a
 * `return_series` row, and finance-core's `computeMetricSet` (benchmark = local-currency
 * close-to-close returns, rf = `(1 + DGS3MO/100)^(1/252) − 1` carried forward) stored
 * flattened in `metrics`, plus the per-lot trading statistics `trading_lots.*` from the
 * portfolio's Beancount ledger (`tradingLotRows`). All writes of a batch are bulk upserts in one transaction.
 * Reports counts; a portfolio whose inception is D has a valuation but no metrics yet.
 *
 * Incremental: when the previous trading day has a fresh pack whose series of the portfolio
 * was built from the same books (metric `series.books_fingerprint` = `booksFingerprint` of
 * the transactions dated ≤ that day), the series is extended by one row (`extendHistory`,
 * bit-identical to a full recompute) instead of recomputed; `incremental: false` forces the
 * full path. Market history is append-only, so earlier rows cannot change — except a close
 * or rate inserted late for a past date, which only a full recompute picks up.
 */
export function computeDailyMetricsStep(
  deps: StepDependencies,
  options: { readonly incremental?: boolean } = {},
): StepBody {
  return (ctx) =>
    computeDailyMetrics(
      ctx,
      deps.calendarSymbol ?? DEFAULT_CALENDAR_SYMBOL,
      deps.ledgerDir,
      options.incremental ?? true,
    );
}

async function computeDailyMetrics(
  ctx: StepContext,
  calendarSymbol: string,
  ledgerDir: string,
  incremental: boolean,
): Promise<StepOutcome> {
  const packId = ctx.packId;
  if (packId === null) return { status: 'failed', error: 'compute_daily_metrics needs a pack' };
  const market = await NightMarket.open(ctx.db, calendarSymbol, ctx.asOf);
  if (market.calendar.length === 0 || market.lastDate !== ctx.asOf) {
    return {
      status: 'failed',
      error: `market history has no ${calendarSymbol} close on ${ctx.asOf}: build_pack must fill market_closes first`,
    };
  }
  const quotes = await readPackQuotes(ctx.db, packId);
  const rf = riskFreeDailyRates(
    (await readMacroHistory(ctx.db, [RISK_FREE_SERIES], market.calendar, 'carryForward'))[
      RISK_FREE_SERIES
    ]!,
  );
  const benchmarks = new Map<string, Float64Array>();
  const asOfDay = isoToEpochDay(ctx.asOf);
  const previousDay =
    market.calendar.length > 1 ? epochDayToIso(market.calendar[market.calendar.length - 2]!) : null;
  const previousPack =
    incremental && previousDay !== null ? await freshPackOf(ctx.db, previousDay) : null;
  let portfolios = 0;
  let extended = 0;
  let metricRows = 0;
  const withoutHistory: string[] = [];
  for await (const batch of readPortfolioBatches(ctx.db, ctx.asOf)) {
    ctx.signal.throwIfAborted();
    const symbols = new Set<string>();
    for (const p of batch.portfolios) {
      symbols.add(p.benchmark);
      for (const m of batch.movements.get(p.id)!) if (m.symbol !== null) symbols.add(m.symbol);
    }
    await market.loadCloses(symbols);
    const previous =
      previousPack === null
        ? new Map<string, PreviousSeries>()
        : await readPreviousSeries(
            ctx.db,
            previousPack,
            batch.portfolios.map((p) => p.id),
          );
    const valuations: unknown[][] = [];
    const series: unknown[][] = [];
    const metrics: unknown[][] = [];
    for (const portfolio of batch.portfolios) {
      const firstRow = firstRowAfter(
        market.calendar,
        isoToEpochDay(portfolio.inception) - 1,
        0,
        market.calendar.length,
      );
      const movements = batch.movements.get(portfolio.id)!;
      const valuationMarket: ValuationMarket = {
        calendar: market.calendar,
        closes: market.carriedCloses,
        toBase: await market.toBase(portfolio.baseCurrency),
        securityCurrency: market.securityCurrency,
      };
      const before = previous.get(portfolio.id);
      const extension =
        before !== undefined &&
        previousDay !== null &&
        before.fingerprint === booksFingerprint(movements, previousDay)
          ? extendHistory(before.series, movements, valuationMarket, firstRow)
          : null;
      if (extension !== null) extended++;
      const history = extension ?? portfolioHistory(movements, valuationMarket, firstRow);
      metrics.push([
        packId,
        portfolio.id,
        BOOKS_FINGERPRINT_METRIC,
        booksFingerprint(movements, ctx.asOf),
        null,
        null,
        ctx.asOf,
        null,
        { through: ctx.asOf },
      ]);
      const valuation = exactValuation(
        portfolio.id,
        history.holdings,
        market.securityCurrency,
        portfolio.baseCurrency,
        quotes,
      );
      valuations.push(
        valuationRow(packId, portfolio.id, ctx.asOf, portfolio.baseCurrency, valuation),
      );
      series.push(returnSeriesRow(packId, portfolio.id, history));
      portfolios++;
      if (history.values.length < 2) {
        withoutHistory.push(portfolio.id);
        continue;
      }
      let benchmark = benchmarks.get(portfolio.benchmark);
      if (benchmark === undefined) {
        benchmark = localReturns(market.observedCloses(portfolio.benchmark));
        benchmarks.set(portfolio.benchmark, benchmark);
      }
      const input = metricSetInputFor(portfolio.id, history, firstRow, {
        benchmark,
        riskFree: rf,
        factors: [],
        factorNames: [],
      });
      const rows = [
        ...metricRowsFor(computeMetricSet(input, asOfDay)),
        ...tradingLotRows(
          closedLots(ledgerDir, portfolio.id, ctx.asOf),
          ctx.asOf,
          portfolio.inception,
        ),
      ];
      for (const row of rows) {
        metrics.push([
          packId,
          portfolio.id,
          row.metric,
          row.value,
          row.reason,
          row.firstDate,
          row.lastDate,
          row.nObs,
          row.details,
        ]);
      }
    }
    metricRows += metrics.length;
    await writeBatch(ctx.db, valuations, series, metrics);
  }
  return {
    status: 'succeeded',
    details: {
      portfolios,
      extended_incrementally: extended,
      previous_pack: previousPack,
      metric_rows: metricRows,
      calendar_rows: market.calendar.length,
      first_calendar_date: epochDayToIso(market.calendar[0]!),
      portfolios_without_history: withoutHistory,
    },
  };
}

async function writeBatch(
  db: Database,
  valuations: unknown[][],
  series: unknown[][],
  metrics: unknown[][],
): Promise<void> {
  await db.drizzle.transaction(async (tx) => {
    await upsertRows(tx, 'valuations', VALUATION_COLUMNS, ['pack_id', 'portfolio_id'], valuations);
    await upsertRows(
      tx,
      'return_series',
      RETURN_SERIES_COLUMNS,
      ['pack_id', 'portfolio_id'],
      series,
    );
    await upsertRows(tx, 'metrics', METRIC_COLUMNS, ['pack_id', 'portfolio_id', 'metric'], metrics);
  });
}
