import { randomUUID } from 'node:crypto';
import {
  computeMetricSet,
  epochDayToIso,
  firstRowAfter,
  isoToEpochDay,
} from '@truth-spine/finance-core';
import type { Database } from '@truth-spine/store';
import {
  type BatchRun,
  type NightUnavailable,
  portfolioBatchStepBody,
  type PortfolioBatchWork,
} from '../../pipeline/portfolioBatchWork.js';
import type { StepBody, StepDetails } from '../../pipeline/stepBody.js';
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
import { readPortfolioHeaders } from '../valuation/readPortfolioHeaders.js';
import { upsertRows } from '../valuation/upsertRows.js';
import { chunkOf, HISTORY_CHUNK_COLUMNS, historyChunkRows } from '../valuation/historyChunks.js';
import {
  RETURN_SERIES_COLUMNS,
  returnSeriesRow,
  VALUATION_COLUMNS,
  valuationRow,
} from '../valuation/valuationRows.js';
import { metricRowsFor } from './metricRowsFor.js';
import { readPortfolioBatchOf } from './readPortfolioBatchOf.js';
import type { MetricRow } from '../metricRows/flattenMetricRecords.js';
import { type PortfolioMetricRows, upsertMetricSets } from '../metricSets/upsertMetricSets.js';
import { reconciledTradingLots } from '../tradingLots/reconciledTradingLots.js';
import { TradingLots } from '../tradingLots/tradingLotsOf.js';
import { metricSetInputFor } from './metricSetInputFor.js';
import { sumOf } from '../../shared/sumOf.js';
import { DEFAULT_CALENDAR_SYMBOL, RISK_FREE_SERIES } from '../marketConventions.js';

/**
 * compute_daily_metrics (src/steps/computeDailyMetrics/README.md): for every portfolio existing on D, streamed in batches —
 * its daily history from the books and market history (`portfolioHistory`), its exact
 * value on D with the pack's closes and FX (`valuations`), the history as a
 * `return_series` row over its append-only `history_chunks` (an extended series appends one
 * day to its lineage: one chunk rewritten, not the whole history), and finance-core's `computeMetricSet` (benchmark = local-currency
 * close-to-close returns, rf = `(1 + DGS3MO/100)^(1/252) − 1` carried forward) flattened
 * into the portfolio's one `metric_sets` record, plus the per-lot trading statistics `trading_lots.*` from the
 * portfolio's Beancount ledger (`tradingLotRows`; computed by reconcile_ledger from the
 * ledger it parsed and read back, parsed here only where those rows are missing). All writes of a batch are bulk upserts in one transaction.
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
  return portfolioBatchStepBody(computeDailyMetricsWork(deps, options));
}

/** What every batch of compute_daily_metrics of one night shares (read once per process). */
export interface MetricsNight {
  readonly db: Database;
  readonly packId: string;
  readonly asOf: string;
  readonly ledgerDir: string;
  readonly market: NightMarket;
  readonly quotes: Awaited<ReturnType<typeof readPackQuotes>>;
  readonly rf: Float64Array;
  /** Benchmark local returns, filled lazily by the batches of this process. */
  readonly benchmarks: Map<string, Float64Array>;
  readonly previousDay: string | null;
  readonly previousPack: string | null;
}

/**
 * compute_daily_metrics as batches of portfolio ids ({@link PortfolioBatchWork}): the
 * portfolios existing on D (inception ≤ D), each batch's valuations, return series and
 * metric set upserted by (pack, portfolio) in one transaction.
 */
export function computeDailyMetricsWork(
  deps: StepDependencies,
  options: { readonly incremental?: boolean } = {},
): PortfolioBatchWork<MetricsNight> {
  const calendarSymbol = deps.calendarSymbol ?? DEFAULT_CALENDAR_SYMBOL;
  const incremental = options.incremental ?? true;
  return {
    step: 'compute_daily_metrics',
    begin: async () => undefined,
    async *listPortfolios(run, batchSize) {
      for await (const headers of readPortfolioHeaders(run.db, run.asOf, batchSize)) {
        yield headers.map((h) => h.id);
      }
    },
    openNight: (run) => openMetricsNight(run, calendarSymbol, deps.ledgerDir, incremental),
    runBatch: computeDailyMetricsBatch,
    finish: async (night, partials) => ({
      portfolios: sumOf(partials, 'portfolios'),
      extended_incrementally: sumOf(partials, 'extended_incrementally'),
      previous_pack: night.previousPack,
      metric_rows: sumOf(partials, 'metric_rows'),
      calendar_rows: night.market.calendar.length,
      first_calendar_date: epochDayToIso(night.market.calendar[0]!),
      portfolios_without_history: partials.flatMap(
        (p) => p['portfolios_without_history'] as readonly string[],
      ),
    }),
  };
}

/** Reads the night's calendar, the pack's quotes, the risk-free rates and the previous fresh pack. */
export async function openMetricsNight(
  run: BatchRun,
  calendarSymbol: string,
  ledgerDir: string,
  incremental: boolean,
): Promise<MetricsNight | NightUnavailable> {
  const market = await NightMarket.open(run.db, calendarSymbol, run.asOf);
  if (market.calendar.length === 0 || market.lastDate !== run.asOf) {
    return {
      unavailable: `market history has no ${calendarSymbol} close on ${run.asOf}: build_pack must fill market_closes first`,
    };
  }
  const quotes = await readPackQuotes(run.db, run.packId);
  const rf = riskFreeDailyRates(
    (await readMacroHistory(run.db, [RISK_FREE_SERIES], market.calendar, 'carryForward'))[
      RISK_FREE_SERIES
    ]!,
  );
  const previousDay =
    market.calendar.length > 1 ? epochDayToIso(market.calendar[market.calendar.length - 2]!) : null;
  const previousPack =
    incremental && previousDay !== null ? await freshPackOf(run.db, previousDay) : null;
  return {
    db: run.db,
    packId: run.packId,
    asOf: run.asOf,
    ledgerDir,
    market,
    quotes,
    rf,
    benchmarks: new Map(),
    previousDay,
    previousPack,
  };
}

/**
 * One batch of compute_daily_metrics: the portfolios `portfolioIds` (their books dated ≤ D)
 * valued, their series built (extended incrementally when possible) and their metrics
 * computed; valuations, return_series and metric sets upserted in one transaction. Returns
 * `{ portfolios, extended_incrementally, metric_rows, portfolios_without_history }`.
 */
export async function computeDailyMetricsBatch(
  night: MetricsNight,
  portfolioIds: readonly string[],
  signal: AbortSignal,
): Promise<StepDetails> {
  signal.throwIfAborted();
  const { market, previousPack } = night;
  const asOf = night.asOf;
  const batch = await readPortfolioBatchOf(night.db, asOf, portfolioIds);
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
          night.db,
          previousPack,
          batch.portfolios.map((p) => p.id),
        );
  const reconciled = await reconciledTradingLots(
    night.db,
    night.packId,
    batch.portfolios.map((p) => p.id),
  );
  const lots = new TradingLots(
    batch.portfolios
      .filter((p) => !reconciled.has(p.id))
      .map((p) => ({
        ledgerDir: night.ledgerDir,
        portfolioId: p.id,
        asOf,
        inception: p.inception,
      })),
  );
  try {
    return await computeBatch(night, batch, previous, {
      rowsOf: async (id) => reconciled.get(id) ?? (await lots.rowsOf(id)),
    });
  } finally {
    await lots.close();
  }
}

/** The per-portfolio part of {@link computeDailyMetricsBatch}, with the batch's inputs read. */
async function computeBatch(
  night: MetricsNight,
  batch: Awaited<ReturnType<typeof readPortfolioBatchOf>>,
  previous: ReadonlyMap<string, PreviousSeries>,
  lots: { rowsOf(portfolioId: string): Promise<readonly MetricRow[]> },
): Promise<StepDetails> {
  const { market, packId, previousDay } = night;
  const asOf = night.asOf;
  const asOfDay = isoToEpochDay(asOf);
  let extended = 0;
  const withoutHistory: string[] = [];
  const valuations: unknown[][] = [];
  const series: unknown[][] = [];
  const chunks: unknown[][] = [];
  const metrics: PortfolioMetricRows[] = [];
  let metricRows = 0;
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
    const rows: MetricRow[] = [
      {
        metric: BOOKS_FINGERPRINT_METRIC,
        value: booksFingerprint(movements, asOf),
        reason: null,
        firstDate: null,
        lastDate: asOf,
        nObs: null,
        details: { through: asOf },
      },
    ];
    metrics.push({ portfolioId: portfolio.id, rows });
    const valuation = exactValuation(
      portfolio.id,
      history.holdings,
      market.securityCurrency,
      portfolio.baseCurrency,
      night.quotes,
    );
    valuations.push(valuationRow(packId, portfolio.id, asOf, portfolio.baseCurrency, valuation));
    // Append tonight's day to the previous series' lineage when that series is its tip;
    // otherwise (a full computation, or a lineage another pack extended) start a new one.
    const appendTo =
      extension !== null &&
      before!.series.lineage !== null &&
      before!.series.lineage.tipDays === before!.series.epochDays.length
        ? before!.series.lineage.id
        : null;
    const lineageId = appendTo ?? `${packId}/${portfolio.id}/${randomUUID()}`;
    const fromChunk = appendTo === null ? 0 : chunkOf(history.epochDays.length - 1);
    chunks.push(...historyChunkRows(lineageId, portfolio.id, history, fromChunk));
    series.push(returnSeriesRow(packId, portfolio.id, history, lineageId));
    if (history.values.length < 2) {
      withoutHistory.push(portfolio.id);
      continue;
    }
    let benchmark = night.benchmarks.get(portfolio.benchmark);
    if (benchmark === undefined) {
      benchmark = localReturns(market.observedCloses(portfolio.benchmark));
      night.benchmarks.set(portfolio.benchmark, benchmark);
    }
    const input = metricSetInputFor(portfolio.id, history, firstRow, {
      benchmark,
      riskFree: night.rf,
      factors: [],
      factorNames: [],
    });
    rows.push(
      ...metricRowsFor(computeMetricSet(input, asOfDay)),
      ...(await lots.rowsOf(portfolio.id)),
    );
  }
  for (const set of metrics) metricRows += set.rows.length;
  await writeBatch(night.db, packId, valuations, chunks, series, metrics);
  return {
    portfolios: batch.portfolios.length,
    extended_incrementally: extended,
    metric_rows: metricRows,
    portfolios_without_history: withoutHistory,
  };
}

async function writeBatch(
  db: Database,
  packId: string,
  valuations: unknown[][],
  chunks: unknown[][],
  series: unknown[][],
  metrics: readonly PortfolioMetricRows[],
): Promise<void> {
  await db.drizzle.transaction(async (tx) => {
    await upsertRows(tx, 'valuations', VALUATION_COLUMNS, ['pack_id', 'portfolio_id'], valuations);
    await upsertRows(tx, 'history_chunks', HISTORY_CHUNK_COLUMNS, ['lineage_id', 'chunk'], chunks);
    await upsertRows(
      tx,
      'return_series',
      RETURN_SERIES_COLUMNS,
      ['pack_id', 'portfolio_id'],
      series,
    );
    await upsertMetricSets(tx, packId, metrics);
  });
}
