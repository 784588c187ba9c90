import type { ProviderId } from './providerId.js';

/**
 * Normalised records every source returns. Field names follow the offline data-set
 * format (docs/OFFLINE-FORMAT.md), so a record and its file row read the same. Decimals
 * are strings exactly as the provider gave them (feed them to big.js); dates are ISO
 * `YYYY-MM-DD`; unknown values are null, never 0.
 */

/** One trading day of one instrument. Closes are raw (not split/dividend-adjusted). */
export interface DailyBar {
  readonly date: string;
  readonly open: string | null;
  readonly high: string | null;
  readonly low: string | null;
  readonly close: string;
  readonly volume: string | null;
}

/** Daily bars of one symbol, ascending by date, with the provider that gave them. */
export interface PriceSeries {
  readonly symbol: string;
  readonly provider: ProviderId;
  readonly bars: readonly DailyBar[];
}

/** One symbol's bar inside a whole-market snapshot. */
export interface SymbolBar extends DailyBar {
  readonly symbol: string;
}

/** Every instrument's bar for one date (Polygon's grouped daily), sorted by symbol. */
export interface GroupedDailyBars {
  readonly date: string;
  readonly provider: ProviderId;
  readonly bars: readonly SymbolBar[];
}

/** A cash dividend per share. `currency` is null when the provider does not state it. */
export interface Dividend {
  readonly symbol: string;
  readonly ex_date: string;
  readonly record_date: string | null;
  readonly pay_date: string | null;
  readonly amount: string;
  readonly currency: string | null;
  readonly provider: ProviderId;
}

/** A split effective on `date`: `numerator` new shares for `denominator` old (2-for-1 = 2/1). */
export interface Split {
  readonly symbol: string;
  readonly date: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly provider: ProviderId;
}

/** One daily FX rate: units of `quote` per 1 unit of `base`. */
export interface FxRate {
  readonly date: string;
  readonly rate: string;
}

/** Daily rates of one pair, e.g. `EURUSD` = USD per 1 EUR, ascending by date. */
export interface FxSeries {
  readonly pair: string;
  readonly base: string;
  readonly quote: string;
  readonly provider: ProviderId;
  readonly rates: readonly FxRate[];
}

/** A macro observation; `value` null means the source marked it missing (FRED "."). */
export interface MacroObservation {
  readonly date: string;
  readonly value: string | null;
}

/** One macro series (FRED id), ascending by date. */
export interface MacroSeries {
  readonly series_id: string;
  readonly provider: ProviderId;
  readonly observations: readonly MacroObservation[];
}

/** One fiscal year of a company, amounts in the company's reporting currency. */
export interface FundamentalPeriod {
  readonly fiscal_year: string;
  readonly period_end: string;
  readonly revenue: string | null;
  readonly gross_profit: string | null;
  readonly operating_income: string | null;
  readonly net_income: string | null;
  readonly eps_diluted: string | null;
  readonly interest_expense: string | null;
  readonly total_debt: string | null;
  readonly total_equity: string | null;
  readonly operating_cash_flow: string | null;
  readonly capital_expenditure: string | null;
  readonly free_cash_flow: string | null;
  readonly shares_diluted: string | null;
  readonly return_on_equity: string | null;
}

/** Annual fundamentals of one company, newest period first. */
export interface Fundamentals {
  readonly symbol: string;
  readonly currency: string | null;
  readonly provider: ProviderId;
  readonly periods: readonly FundamentalPeriod[];
}

/** A news article; `symbols` are the requested symbols it concerns. */
export interface NewsArticle {
  readonly symbols: readonly string[];
  readonly source: string;
  readonly author: string | null;
  readonly title: string | null;
  readonly description: string | null;
  readonly url: string;
  readonly published_at: string;
  readonly content: string | null;
}

/** Articles found; `truncated` when the provider refused to page further (NewsAPI 426). */
export interface NewsResult {
  readonly provider: ProviderId;
  readonly total_results: number;
  readonly truncated: boolean;
  readonly articles: readonly NewsArticle[];
}
