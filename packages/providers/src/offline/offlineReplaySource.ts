import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type, type Type } from 'arktype';
import { parseCurrencyPair } from '../model/currencyPair.js';
import { inRange } from '../model/isoDate.js';
import type {
  DailyBar,
  Dividend,
  Fundamentals,
  FxSeries,
  GroupedDailyBars,
  MacroObservation,
  MacroSeries,
  NewsArticle,
  NewsResult,
  PriceSeries,
  Split,
} from '../model/marketData.js';
import type { DateRange, MarketDataSource, NewsQuery, SymbolsRange } from '../model/sources.js';
import { csvCell } from './csvCell.js';
import { parseCsv, type CsvRow } from './csvTable.js';
import { OfflineDataError } from './offlineDataError.js';
import {
  offlineFundamentals,
  offlineHeaders,
  offlineManifest,
  offlineNews,
  offlinePaths,
  type OfflineManifest,
} from './offlineFormat.js';

/** Rows in strictly ascending date order, or an error at the first that is not. */
function assertAscending(rows: readonly { date: string; line: number }[], file: string): void {
  let previous: { date: string } | undefined;
  for (const row of rows) {
    if (previous !== undefined && row.date <= previous.date) {
      throw new OfflineDataError(
        file,
        row.line,
        `dates in strictly ascending order (${row.date} follows ${previous.date})`,
      );
    }
    previous = row;
  }
}

function stripLines<T extends { line: number }>(rows: readonly T[]): Omit<T, 'line'>[] {
  return rows.map(({ line: _line, ...rest }) => rest);
}

/**
 * Reads an offline data set (`truth-spine-offline/1`, docs/OFFLINE-FORMAT.md) and serves
 * it through the same interfaces as the HTTP providers, marked `provider: "offline"`.
 * Files are read on first use and cached. A symbol, pair or series without a file has
 * no data (empty result); a malformed file throws {@link OfflineDataError} naming file,
 * line and the expected content.
 */
export class OfflineReplaySource implements MarketDataSource {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {}

  /** The data set's `manifest.json`, validated. */
  manifest(): Promise<OfflineManifest> {
    return this.json(offlinePaths.manifest, offlineManifest, true) as Promise<OfflineManifest>;
  }

  async dailyBars(request: SymbolsRange): Promise<PriceSeries[]> {
    return Promise.all(
      request.symbols.map(async (symbol) => ({
        symbol,
        provider: 'offline' as const,
        bars: (await this.prices(symbol)).filter((bar) =>
          inRange(bar.date, request.from, request.to),
        ),
      })),
    );
  }

  async groupedDaily(date: string): Promise<GroupedDailyBars> {
    const symbols = await this.symbolsWithPrices();
    const perSymbol = await Promise.all(
      symbols.map(async (symbol) => {
        const bar = (await this.prices(symbol)).find((b) => b.date === date);
        return bar === undefined ? [] : [{ symbol, ...bar }];
      }),
    );
    return {
      date,
      provider: 'offline',
      bars: perSymbol.flat().sort((a, b) => a.symbol.localeCompare(b.symbol)),
    };
  }

  async dividends(request: SymbolsRange): Promise<Dividend[]> {
    const wanted = new Set(request.symbols);
    const file = offlinePaths.dividends;
    const rows = await this.csv(file, offlineHeaders.dividends);
    return rows
      .map((row) => ({
        symbol: csvCell(row, 'symbol', 'text', file),
        ex_date: csvCell(row, 'ex_date', 'date', file),
        record_date: csvCell(row, 'record_date', 'date?', file),
        pay_date: csvCell(row, 'pay_date', 'date?', file),
        amount: csvCell(row, 'amount', 'decimal', file),
        currency: csvCell(row, 'currency', 'currency?', file),
        provider: 'offline' as const,
      }))
      .filter((d) => wanted.has(d.symbol) && inRange(d.ex_date, request.from, request.to))
      .sort((a, b) => a.ex_date.localeCompare(b.ex_date) || a.symbol.localeCompare(b.symbol));
  }

  async splits(request: SymbolsRange): Promise<Split[]> {
    const wanted = new Set(request.symbols);
    const file = offlinePaths.splits;
    const rows = await this.csv(file, offlineHeaders.splits);
    return rows
      .map((row) => ({
        symbol: csvCell(row, 'symbol', 'text', file),
        date: csvCell(row, 'date', 'date', file),
        numerator: csvCell(row, 'numerator', 'decimal', file),
        denominator: csvCell(row, 'denominator', 'decimal', file),
        provider: 'offline' as const,
      }))
      .filter((s) => wanted.has(s.symbol) && inRange(s.date, request.from, request.to))
      .sort((a, b) => a.date.localeCompare(b.date) || a.symbol.localeCompare(b.symbol));
  }

  async fxRates(request: DateRange & { readonly pairs: readonly string[] }): Promise<FxSeries[]> {
    return Promise.all(
      request.pairs.map(async (text) => {
        const pair = parseCurrencyPair(text);
        if (pair === null)
          throw new RangeError(`FX pair "${text}" must be six letters like EURUSD`);
        const file = offlinePaths.fx(pair.pair);
        const rows = (await this.csv(file, offlineHeaders.fx, false)).map((row) => ({
          line: row.line,
          date: csvCell(row, 'date', 'date', file),
          rate: csvCell(row, 'rate', 'decimal', file),
        }));
        assertAscending(rows, file);
        return {
          ...pair,
          provider: 'offline' as const,
          rates: stripLines(rows).filter((r) => inRange(r.date, request.from, request.to)),
        };
      }),
    );
  }

  async macroSeries(
    request: DateRange & { readonly seriesIds: readonly string[] },
  ): Promise<MacroSeries[]> {
    return Promise.all(
      request.seriesIds.map(async (seriesId) => {
        const file = offlinePaths.macro(seriesId);
        const rows = (await this.csv(file, offlineHeaders.macro, false)).map((row) => ({
          line: row.line,
          date: csvCell(row, 'date', 'date', file),
          value: csvCell(row, 'value', 'decimal?', file),
        }));
        assertAscending(rows, file);
        const observations: MacroObservation[] = stripLines(rows).filter((o) =>
          inRange(o.date, request.from, request.to),
        );
        return { series_id: seriesId, provider: 'offline' as const, observations };
      }),
    );
  }

  async fundamentals(symbols: readonly string[]): Promise<Fundamentals[]> {
    return Promise.all(
      symbols.map(async (symbol) => {
        const data = await this.json(offlinePaths.fundamentals(symbol), offlineFundamentals, false);
        return data === null
          ? { symbol, currency: null, provider: 'offline' as const, periods: [] }
          : { ...data, symbol, provider: 'offline' as const };
      }),
    );
  }

  /**
   * Articles from `news/<date>.json` for `from ≤ date ≤ to` (`to` defaults to `from`),
   * keeping those tagged with a requested symbol or containing the query text.
   */
  async news(request: NewsQuery): Promise<NewsResult> {
    const to = request.to ?? request.from;
    const names = await this.listDir(offlinePaths.newsDir);
    const dates = names
      .filter((n) => /^\d{4}-\d{2}-\d{2}\.json$/.test(n))
      .map((n) => n.slice(0, 10))
      .filter((d) => inRange(d, request.from.slice(0, 10), to.slice(0, 10)))
      .sort();
    const wanted = new Set(request.symbols ?? []);
    const needle = request.query?.toLowerCase();
    const matches = (a: NewsArticle): boolean =>
      a.symbols.some((s) => wanted.has(s)) ||
      (needle !== undefined &&
        [a.title ?? '', a.description ?? '', a.content ?? ''].some((t) =>
          t.toLowerCase().includes(needle),
        ));
    const perDay = await Promise.all(
      dates.map(
        async (date) =>
          (await this.json(offlinePaths.news(date), offlineNews, true))?.articles ?? [],
      ),
    );
    const articles = perDay.flat().filter(matches);
    return { provider: 'offline', total_results: articles.length, truncated: false, articles };
  }

  private async prices(symbol: string): Promise<DailyBar[]> {
    const file = offlinePaths.prices(symbol);
    const rows = (await this.csv(file, offlineHeaders.prices, false)).map((row) => ({
      line: row.line,
      date: csvCell(row, 'date', 'date', file),
      open: csvCell(row, 'open', 'decimal?', file),
      high: csvCell(row, 'high', 'decimal?', file),
      low: csvCell(row, 'low', 'decimal?', file),
      close: csvCell(row, 'close', 'decimal', file),
      volume: csvCell(row, 'volume', 'decimal?', file),
    }));
    assertAscending(rows, file);
    return stripLines(rows);
  }

  private async symbolsWithPrices(): Promise<string[]> {
    const names = await this.listDir(offlinePaths.pricesDir);
    return names
      .filter((n) => n.endsWith('.csv'))
      .map((n) => n.slice(0, -4))
      .sort();
  }

  private async listDir(relative: string): Promise<string[]> {
    try {
      return await readdir(join(this.root, relative));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new OfflineDataError(
        relative,
        null,
        `a readable directory (${(error as Error).message})`,
      );
    }
  }

  /** File text, or null when the file does not exist and `required` is false. */
  private text(relative: string, required: boolean): Promise<string | null> {
    const key = `text:${relative}`;
    let cached = this.cache.get(key) as Promise<string | null> | undefined;
    if (cached === undefined) {
      cached = readFile(join(this.root, relative), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' && !required) return null;
        throw new OfflineDataError(
          relative,
          null,
          `a readable file (${error.code ?? error.message})`,
        );
      });
      this.cache.set(key, cached);
    }
    return cached;
  }

  private async csv(
    relative: string,
    header: readonly string[],
    required = true,
  ): Promise<CsvRow[]> {
    const text = await this.text(relative, required);
    return text === null ? [] : parseCsv(text, header, relative);
  }

  private async json<T>(relative: string, schema: Type<T>, required: boolean): Promise<T | null> {
    const text = await this.text(relative, required);
    if (text === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new OfflineDataError(relative, null, `valid JSON (${(error as Error).message})`);
    }
    const result = schema(parsed);
    if (result instanceof type.errors) {
      throw new OfflineDataError(relative, null, result.at(0)?.message ?? result.summary);
    }
    return result as T;
  }
}
