import { type } from 'arktype';

/**
 * The offline data-set layout `truth-spine-offline/1` (docs/OFFLINE-FORMAT.md): file
 * paths relative to the data-set root and the exact CSV headers.
 */
export const offlineFormatId = 'truth-spine-offline/1';

export const offlineHeaders = {
  prices: ['date', 'open', 'high', 'low', 'close', 'volume'],
  fx: ['date', 'rate'],
  macro: ['date', 'value'],
  dividends: ['symbol', 'ex_date', 'record_date', 'pay_date', 'amount', 'currency'],
  splits: ['symbol', 'date', 'numerator', 'denominator'],
} as const;

/** File-system-safe form of a symbol: `/` becomes `_` (`BRK/B` → `BRK_B`). */
export function symbolFileStem(symbol: string): string {
  return symbol.replace(/\//g, '_');
}

export const offlinePaths = {
  manifest: 'manifest.json',
  sources: 'SOURCES.md',
  pricesDir: 'prices',
  prices: (symbol: string) => `prices/${symbolFileStem(symbol)}.csv`,
  fx: (pair: string) => `fx/${pair}.csv`,
  macro: (seriesId: string) => `macro/${seriesId}.csv`,
  dividends: 'corporate-actions/dividends.csv',
  splits: 'corporate-actions/splits.csv',
  fundamentals: (symbol: string) => `fundamentals/${symbolFileStem(symbol)}.json`,
  newsDir: 'news',
  news: (date: string) => `news/${date}.json`,
} as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** `manifest.json`. */
export const offlineManifest = type({
  format: `'${offlineFormatId}'`,
  name: 'string',
  description: 'string',
  generated_by: 'string',
  calendar: { first: isoDate, last: isoDate },
});

/** The manifest's content. */
export type OfflineManifest = typeof offlineManifest.infer;

const decimalOrNull = type(/^-?\d+(\.\d+)?$/).or('null');

/** `fundamentals/<SYMBOL>.json`. */
export const offlineFundamentals = type({
  symbol: 'string',
  currency: 'string | null',
  periods: type({
    fiscal_year: 'string',
    period_end: isoDate,
    revenue: decimalOrNull,
    gross_profit: decimalOrNull,
    operating_income: decimalOrNull,
    net_income: decimalOrNull,
    eps_diluted: decimalOrNull,
    interest_expense: decimalOrNull,
    total_debt: decimalOrNull,
    total_equity: decimalOrNull,
    operating_cash_flow: decimalOrNull,
    capital_expenditure: decimalOrNull,
    free_cash_flow: decimalOrNull,
    shares_diluted: decimalOrNull,
    return_on_equity: decimalOrNull,
  }).array(),
});

/** `news/<YYYY-MM-DD>.json`. */
export const offlineNews = type({
  articles: type({
    symbols: 'string[]',
    source: 'string',
    author: 'string | null',
    title: 'string | null',
    description: 'string | null',
    url: 'string',
    published_at: 'string',
    content: 'string | null',
  }).array(),
});
