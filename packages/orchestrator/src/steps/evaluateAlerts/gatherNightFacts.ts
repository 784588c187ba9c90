import Big from 'big.js';
import type { NewsItem, NightFacts, PortfolioFacts } from '@truth-spine/alerts';
import type { Database } from '@truth-spine/store';
import type { PipelineLogger } from '../../pipeline/logger.js';
import { groupByKey } from '../../shared/groupByKey.js';
import type { StepDependencies } from '../stepDependencies.js';
import { activePortfolioSql } from '@truth-spine/books';
import { readMetricSets } from '../metricSets/readMetricSets.js';
import { readMetricValues, type StoredMetricValue } from '../metricSets/readMetricValues.js';

/** The night being evaluated: pack P of date D in run R. */
export interface Night {
  readonly asOf: string;
  readonly packId: string;
  readonly runId: string;
}

/**
 * The market facts of night D for evaluate_alerts (operational facts are added by the step):
 * - `portfolios`: every portfolio with its metrics of pack P (its `metric_sets` record, name →
 *   value, null where undefined; only the names in `metricNames` when given — the metric
 *   rules' metrics, picked out by the database, so a night reads a few entries per portfolio
 *   instead of all ~120) and the symbols it holds on D (books, trade date ≤ D: the
 *   `holdingsOnDate` fold done by the database, so no portfolio's transactions are loaded);
 * - `priceMoves`: per held symbol, close_D / previous close − 1 with close_D from the pack
 *   and the previous close = the latest `market_closes` row before D; null when either is
 *   missing or D's close was carried forward (no new price, no move);
 * - `regime`: the regime of pack P and of the newest pack before D (`regimes`), null where
 *   none was detected;
 * - `news`: `deps.market.news` for the held symbols published on D, per symbol (offline:
 *   the bundled data set's sample news of 2024-03-06..08, `market/news/<date>.json`; other
 *   days none). A news provider failure leaves `news` undefined (news rules keep their
 *   state) and is logged, so an outage blocks no alert.
 */
export async function gatherNightFacts(
  db: Database,
  deps: StepDependencies,
  night: Night,
  logger: PipelineLogger,
  signal: AbortSignal,
  metricNames?: readonly string[],
): Promise<NightFacts> {
  const { asOf, packId } = night;
  const [portfolioRows, heldRows, metricRows] = await Promise.all([
    db.query<{ id: string }>(`select id from portfolios where ${activePortfolioSql} order by id`),
    // the books fold of holdingsOnDate, done by the database: units = exact numeric sum of
    // buys and splits minus sells dated <= D; only non-zero positions come back
    db.query<{ portfolio_id: string; symbol: string }>(
      `select portfolio_id, symbol from transactions
        where trade_date <= $1 and symbol is not null and quantity is not null
          and type in ('buy', 'split', 'sell')
        group by portfolio_id, symbol
       having sum(case when type = 'sell' then -quantity else quantity end) <> 0`,
      [asOf],
    ),
    metricNames === undefined
      ? readMetricSets(db, packId).then((sets) =>
          sets.flatMap((s): StoredMetricValue[] =>
            s.rows.map((r) => ({ portfolioId: s.portfolioId, metric: r.metric, value: r.value })),
          ),
        )
      : readMetricValues(db, packId, metricNames),
  ]);
  const heldOf = groupByKey(heldRows, (h) => h.portfolio_id);
  const metricsOf = groupByKey(metricRows, (m) => m.portfolioId);
  const portfolios: PortfolioFacts[] = portfolioRows.map(({ id }) => ({
    id,
    metrics: Object.fromEntries((metricsOf.get(id) ?? []).map((m) => [m.metric, m.value])),
    holdings: (heldOf.get(id) ?? []).map((h) => h.symbol).sort(),
  }));
  const held = [...new Set(portfolios.flatMap((p) => p.holdings))].sort();
  const [priceMoves, regime, news] = await Promise.all([
    readPriceMoves(db, packId, asOf, held),
    readRegimes(db, packId, asOf),
    readNews(deps, asOf, held, logger, signal),
  ]);
  return { ...night, portfolios, priceMoves, regime, ...(news === undefined ? {} : { news }) };
}

async function readPriceMoves(
  db: Database,
  packId: string,
  asOf: string,
  symbols: readonly string[],
): Promise<Record<string, number | null>> {
  const [today, previous] = await Promise.all([
    db.query<{ symbol: string; close: string; carried_forward: boolean }>(
      'select symbol, close::text as close, carried_forward from pack_prices where pack_id = $1',
      [packId],
    ),
    // the latest close before D per symbol: one primary-key probe per symbol (a
    // `distinct on` over the symbols' whole history scanned every row of it)
    db.query<{ symbol: string; close: string }>(
      `select s.symbol, latest.close from unnest($1::text[]) as s(symbol)
         cross join lateral (select close::text as close from market_closes m
                              where m.symbol = s.symbol and m.date < $2
                              order by m.date desc limit 1) as latest`,
      [symbols, asOf],
    ),
  ]);
  const todayOf = new Map(today.map((r) => [r.symbol, r]));
  const previousOf = new Map(previous.map((r) => [r.symbol, r.close]));
  const moves: Record<string, number | null> = {};
  for (const symbol of symbols) {
    const close = todayOf.get(symbol);
    const before = previousOf.get(symbol);
    moves[symbol] =
      close === undefined || close.carried_forward || before === undefined || Number(before) <= 0
        ? null
        : new Big(close.close).div(before).minus(1).toNumber();
  }
  return moves;
}

async function readRegimes(
  db: Database,
  packId: string,
  asOf: string,
): Promise<{ current: string | null; previous: string | null }> {
  const [current, previous] = await Promise.all([
    db.query<{ regime: string | null }>('select regime from regimes where pack_id = $1', [packId]),
    db.query<{ regime: string | null }>(
      `select r.regime from regimes r join packs p on p.id = r.pack_id
        where p.as_of < $1 order by p.as_of desc, p.version desc limit 1`,
      [asOf],
    ),
  ]);
  return { current: current[0]?.regime ?? null, previous: previous[0]?.regime ?? null };
}

async function readNews(
  deps: StepDependencies,
  asOf: string,
  symbols: readonly string[],
  logger: PipelineLogger,
  signal: AbortSignal,
): Promise<Record<string, NewsItem[]> | undefined> {
  if (symbols.length === 0) return {};
  try {
    const result = await deps.market.news({ symbols, from: asOf, to: asOf }, signal);
    const bySymbol: Record<string, NewsItem[]> = {};
    for (const article of result.articles) {
      const item: NewsItem = {
        id: article.url,
        title: article.title ?? '',
        url: article.url,
        publishedAt: article.published_at,
        source: article.source,
      };
      for (const symbol of article.symbols) (bySymbol[symbol] ??= []).push(item);
    }
    return bySymbol;
  } catch (error) {
    logger.warn(
      { step: 'evaluate_alerts', error: error instanceof Error ? error.message : String(error) },
      'news not gathered; news rules keep their state tonight',
    );
    return undefined;
  }
}
