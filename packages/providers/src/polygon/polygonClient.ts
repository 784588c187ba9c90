import type { Type } from 'arktype';
import type { ProviderConfig } from '../config/providerConfig.js';
import { ProviderResponseError } from '../errors/providerResponseError.js';
import { ProviderHttpClient, type ClientOverrides } from '../http/providerHttpClient.js';
import { fxSeriesPerPair, rateOfBar } from '../model/fxSeriesPerPair.js';
import { decimalFromNumber, decimalOrNull } from '../model/decimal.js';
import { isIsoDate, newYorkDateOf, utcDateOf } from '../model/isoDate.js';
import type {
  DailyBar,
  Dividend,
  FxSeries,
  GroupedDailyBars,
  PriceSeries,
  Split,
} from '../model/marketData.js';
import type {
  CorporateActionSource,
  DailyBarSource,
  DateRange,
  FxRateSource,
  GroupedDailySource,
  SymbolsRange,
} from '../model/sources.js';
import { polygonProtocol } from './polygonProtocol.js';
import {
  polygonAggregates,
  polygonDividends,
  polygonGroupedDaily,
  polygonSplits,
} from './polygonSchemas.js';

/** Upper bound on pages followed for one request (a loop guard, far above real use). */
const maxPages = 1_000;

/** Rows per page asked of paginated endpoints (each endpoint's documented maximum). */
const aggregatesLimit = 50_000;
const referenceLimit = 1_000;

type AggregateBar = {
  t: number;
  c: number;
  o?: number | null;
  h?: number | null;
  l?: number | null;
  v?: number | null;
};

/** A path segment with `:` kept (Polygon writes `C:EURUSD` in paths). */
function pathSegment(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':');
}

function barOf(row: AggregateBar, dateOf: (epochMs: number) => string): DailyBar {
  return {
    date: dateOf(row.t),
    open: decimalOrNull(row.o),
    high: decimalOrNull(row.h),
    low: decimalOrNull(row.l),
    close: decimalFromNumber(row.c),
    volume: decimalOrNull(row.v),
  };
}

/** One bar per date (the last one when the provider sends several), ascending. */
function onePerDate(bars: readonly DailyBar[]): DailyBar[] {
  const byDate = new Map<string, DailyBar>();
  for (const bar of bars) byDate.set(bar.date, bar);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Polygon.io / Massive REST: daily aggregates (unadjusted), grouped daily for the whole
 * US stock market, reference dividends and splits, and forex aggregates (`C:EURUSD`).
 * Paginated answers are followed through `next_url`, re-based onto the configured base
 * URL (the key is never sent to another host).
 */
export class PolygonClient
  implements DailyBarSource, GroupedDailySource, CorporateActionSource, FxRateSource
{
  readonly http: ProviderHttpClient;

  constructor(config: ProviderConfig, overrides: ClientOverrides = {}) {
    this.http = new ProviderHttpClient({
      protocol: polygonProtocol,
      settings: config.providers.polygon,
      resilience: config.resilience,
      ...overrides,
    });
  }

  /** Unadjusted daily bars, dated in New York time. */
  async dailyBars(request: SymbolsRange, signal?: AbortSignal): Promise<PriceSeries[]> {
    return Promise.all(
      request.symbols.map(async (symbol) => ({
        symbol,
        provider: 'polygon' as const,
        bars: await this.aggregates(symbol, request, newYorkDateOf, signal),
      })),
    );
  }

  /** Every US stock's unadjusted bar for `date` in one call (each bar dated `date`). */
  async groupedDaily(date: string, signal?: AbortSignal): Promise<GroupedDailyBars> {
    const endpoint = '/v2/aggs/grouped/locale/us/market/stocks/{date}';
    const body = await this.http.get(
      polygonGroupedDaily,
      {
        endpoint,
        path: `/v2/aggs/grouped/locale/us/market/stocks/${pathSegment(date)}`,
        query: { adjusted: 'false' },
      },
      signal,
    );
    const bars = (body.results ?? [])
      .map((row) => ({ symbol: row.T, ...barOf(row, () => date) }))
      .sort((a, b) => a.symbol.localeCompare(b.symbol));
    return { date, provider: 'polygon', bars };
  }

  /** Daily closes of `C:<pair>` as rates, dated in UTC. */
  async fxRates(
    request: DateRange & { readonly pairs: readonly string[] },
    signal?: AbortSignal,
  ): Promise<FxSeries[]> {
    return fxSeriesPerPair(request.pairs, 'polygon', async (pair) =>
      (await this.aggregates(`C:${pair.pair}`, request, utcDateOf, signal)).map(rateOfBar),
    );
  }

  /** Cash dividends by ex-date from `/v3/reference/dividends`, all pages. */
  async dividends(request: SymbolsRange, signal?: AbortSignal): Promise<Dividend[]> {
    const endpoint = '/v3/reference/dividends';
    const perSymbol = await Promise.all(
      request.symbols.map((ticker) =>
        this.allPages(
          polygonDividends,
          endpoint,
          {
            ticker,
            'ex_dividend_date.gte': request.from,
            'ex_dividend_date.lte': request.to,
            order: 'asc',
            sort: 'ex_dividend_date',
            limit: referenceLimit,
          },
          signal,
        ),
      ),
    );
    return perSymbol
      .flat()
      .map((row) => ({
        symbol: row.ticker,
        ex_date: row.ex_dividend_date,
        record_date: knownDate(row.record_date),
        pay_date: knownDate(row.pay_date),
        amount: decimalFromNumber(row.cash_amount),
        currency: row.currency ?? null,
        provider: 'polygon' as const,
      }))
      .sort((a, b) => a.ex_date.localeCompare(b.ex_date) || a.symbol.localeCompare(b.symbol));
  }

  /** Splits by execution date from `/v3/reference/splits`, all pages. */
  async splits(request: SymbolsRange, signal?: AbortSignal): Promise<Split[]> {
    const endpoint = '/v3/reference/splits';
    const perSymbol = await Promise.all(
      request.symbols.map((ticker) =>
        this.allPages(
          polygonSplits,
          endpoint,
          {
            ticker,
            'execution_date.gte': request.from,
            'execution_date.lte': request.to,
            order: 'asc',
            sort: 'execution_date',
            limit: referenceLimit,
          },
          signal,
        ),
      ),
    );
    return perSymbol
      .flat()
      .map((row) => ({
        symbol: row.ticker,
        date: row.execution_date,
        numerator: decimalFromNumber(row.split_to),
        denominator: decimalFromNumber(row.split_from),
        provider: 'polygon' as const,
      }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.symbol.localeCompare(b.symbol));
  }

  private async aggregates(
    ticker: string,
    range: DateRange,
    dateOf: (epochMs: number) => string,
    signal?: AbortSignal,
  ): Promise<DailyBar[]> {
    const endpoint = '/v2/aggs/ticker/{ticker}/range/1/day/{from}/{to}';
    const path = `/v2/aggs/ticker/${pathSegment(ticker)}/range/1/day/${pathSegment(range.from)}/${pathSegment(range.to)}`;
    const rows = await this.allPages(
      polygonAggregates,
      endpoint,
      { adjusted: 'false', sort: 'asc', limit: aggregatesLimit },
      signal,
      path,
    );
    return onePerDate(rows.map((row) => barOf(row, dateOf)));
  }

  /**
   * Fetches the first page, then follows `next_url` until absent. `next_url`'s path and
   * query (its cursor) are re-based onto the configured base URL (relative ones too).
   */
  private async allPages<R>(
    schema: Type<{ status: string; results?: R[]; next_url?: string }>,
    endpoint: string,
    query: Readonly<Record<string, string | number>>,
    signal?: AbortSignal,
    path: string = endpoint,
  ): Promise<R[]> {
    const rows: R[] = [];
    const seen = new Set<string>();
    let page = await this.http.get(schema, { endpoint, path, query }, signal);
    for (let pages = 1; ; pages++) {
      rows.push(...(page.results ?? []));
      if (page.next_url === undefined || page.next_url === '') return rows;
      const next = this.nextPath(page.next_url, endpoint);
      if (seen.has(next) || pages >= maxPages) {
        throw new ProviderResponseError(
          'polygon',
          endpoint,
          'next_url',
          this.http.redact(page.next_url),
          'a cursor not seen before',
        );
      }
      seen.add(next);
      page = await this.http.get(schema, { endpoint, path: next }, signal);
    }
  }

  private nextPath(nextUrl: string, endpoint: string): string {
    let url: URL;
    try {
      url = new URL(nextUrl, 'https://next-url.invalid');
    } catch {
      throw new ProviderResponseError(
        'polygon',
        endpoint,
        'next_url',
        this.http.redact(nextUrl),
        'a URL',
      );
    }
    url.searchParams.delete('apiKey');
    return `${url.pathname}${url.search}`;
  }
}

/** Polygon omits unknown dates; guards against empty strings too. */
function knownDate(text: string | undefined): string | null {
  return text !== undefined && isIsoDate(text) ? text : null;
}
