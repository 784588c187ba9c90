import type {
  Dividend,
  FxSeries,
  Fundamentals,
  GroupedDailyBars,
  MacroSeries,
  NewsResult,
  PriceSeries,
  Split,
} from './marketData.js';

/** Inclusive ISO date range `from..to`. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** Symbols over a date range. */
export interface SymbolsRange extends DateRange {
  readonly symbols: readonly string[];
}

/** Raw daily bars per symbol; a symbol with no data gets an empty `bars`. */
export interface DailyBarSource {
  dailyBars(request: SymbolsRange, signal?: AbortSignal): Promise<PriceSeries[]>;
}

/** The whole market's bars for one date in one call. */
export interface GroupedDailySource {
  groupedDaily(date: string, signal?: AbortSignal): Promise<GroupedDailyBars>;
}

/** Dividends (by ex-date) and splits (by effective date) within the range. */
export interface CorporateActionSource {
  dividends(request: SymbolsRange, signal?: AbortSignal): Promise<Dividend[]>;
  splits(request: SymbolsRange, signal?: AbortSignal): Promise<Split[]>;
}

/** Daily FX rates for pairs written `EURUSD` (base then quote). */
export interface FxRateSource {
  fxRates(
    request: DateRange & { readonly pairs: readonly string[] },
    signal?: AbortSignal,
  ): Promise<FxSeries[]>;
}

/** Macro series by id (FRED ids such as `DGS10`). */
export interface MacroSeriesSource {
  macroSeries(
    request: DateRange & { readonly seriesIds: readonly string[] },
    signal?: AbortSignal,
  ): Promise<MacroSeries[]>;
}

/** Annual company fundamentals. */
export interface FundamentalsSource {
  fundamentals(symbols: readonly string[], signal?: AbortSignal): Promise<Fundamentals[]>;
}

/** News by free-text query and/or symbols, published from `from` (to `to` if given). */
export interface NewsQuery {
  readonly query?: string;
  readonly symbols?: readonly string[];
  readonly from: string;
  readonly to?: string;
}

/** News articles. */
export interface NewsSource {
  news(request: NewsQuery, signal?: AbortSignal): Promise<NewsResult>;
}

/** Every capability at once: what the offline replay source implements. */
export interface MarketDataSource
  extends
    DailyBarSource,
    GroupedDailySource,
    CorporateActionSource,
    FxRateSource,
    MacroSeriesSource,
    FundamentalsSource,
    NewsSource {}
