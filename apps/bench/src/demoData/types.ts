/** A source file the generator reads, with where it came from (for SOURCES.md). */
export interface SourceFile {
  /** Path relative to the source directory, e.g. `equities/x/AAPL.csv`. */
  readonly path: string;
  /** `owner/repo @ commit : path`, or the package the file came from. */
  readonly origin: string;
  readonly licence: string;
}

/** A security of the demo universe (a row of `securities.csv`). */
export interface SecurityInfo {
  readonly symbol: string;
  readonly name: string;
  readonly currency: string;
  readonly kind: 'equity' | 'etf' | 'adr' | 'fund';
  readonly country: string;
  /** ADRs only: underlying ordinary shares represented by ONE ADR (BP = 6, AZN = 0.5). */
  readonly adr?: { readonly ratio: string; readonly underlying: string; readonly currency: string };
  /** Source of the daily bars (Yahoo-style CSV with Close and Adj Close columns). */
  readonly prices: SourceFile;
  /** Typical calendar days from ex-date to pay date, used when the source has no pay date. */
  readonly payLagDays: number;
}

/** One daily bar as written in the output: raw (unadjusted) decimal strings, blanks unknown. */
export interface PriceBar {
  readonly date: string;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volume: string;
}

/** A daily bar as read from a Yahoo-style source, before split un-adjustment. */
export interface SourceBar extends PriceBar {
  readonly adjClose: string;
}

/** A cash dividend per share (a row of `corporate-actions/dividends.csv`). */
export interface DividendEvent {
  readonly symbol: string;
  readonly exDate: string;
  readonly recordDate: string;
  readonly payDate: string;
  /** Per share (per ADR for ADRs), in `currency`. */
  readonly amount: string;
  readonly currency: string;
}

/** A stock split effective at the open of `date`: `numerator` new shares per `denominator` old. */
export interface SplitEvent {
  readonly symbol: string;
  readonly date: string;
  readonly numerator: number;
  readonly denominator: number;
  /** Where the fact comes from (the source price files are already split-adjusted). */
  readonly evidence: string;
}

/** A dividend declared in another currency than the security trades in (e.g. SAP in EUR). */
export interface DeclaredDividend {
  readonly symbol: string;
  readonly exDate: string;
  readonly amount: string;
  readonly currency: string;
  readonly evidence: string;
}

/** One day-of-plan action of a demo portfolio; trades execute at that day's close. */
export type PlanAction =
  | {
      readonly kind: 'deposit' | 'withdrawal';
      readonly date: string;
      readonly amount: string;
      readonly currency: string;
    }
  | {
      readonly kind: 'buy' | 'sell';
      readonly date: string;
      readonly symbol: string;
      readonly quantity: number;
    }
  | {
      readonly kind: 'fx';
      readonly date: string;
      readonly sell: string;
      readonly amount: string;
      readonly buy: string;
    };

/** A demo portfolio: its `portfolios.json` entry plus the actions that make its history. */
export interface PortfolioPlan {
  readonly id: string;
  readonly name: string;
  readonly baseCurrency: string;
  readonly benchmark: string;
  readonly inception: string;
  /** What the portfolio exercises, for the README. */
  readonly purpose: string;
  readonly actions: readonly PlanAction[];
}

/** Broker charges applied by the simulation (documented in the README). */
export interface FeeSchedule {
  /** Commission per buy or sell, in the security's currency. */
  readonly commission: string;
  /** Account fee in base currency, charged on the last trading day of each year. */
  readonly annualAccountFee: string;
}

/** A FRED series and the file it is read from. */
export interface MacroSource {
  readonly id: string;
  readonly file: SourceFile;
}

/** Annual fundamentals of a held company and the files they are read from. */
export interface FundamentalsSource {
  readonly symbol: string;
  /** Reporting currency (Unilever reports in EUR). */
  readonly currency: string;
  /** `MM-DD` of the fiscal year end, to date each period (the source gives only the year). */
  readonly fiscalYearEnd: string;
  /** marc1-style `*_financials.csv` (recent years), if any. */
  readonly recent?: SourceFile;
  /** Ticker in the Kaggle-style `fundamentals.csv` (2012–2016), if any. */
  readonly kaggleTicker?: string;
}

/**
 * The bundled news (*sample data*, `demoNews.ts`): one article per held security on each
 * of `dates`, shaped like the real NewsAPI payload in `envelope`.
 */
export interface NewsSpec {
  /** A real NewsAPI `/v2/everything` answer whose article fields the sample articles copy. */
  readonly envelope: SourceFile;
  /** Trading days to write `news/<date>.json` for. */
  readonly dates: readonly string[];
  /** The `source.name` of the sample articles. */
  readonly wire: string;
}

/** Everything the generator needs: window, sources, universe and portfolio plans. */
export interface DemoDataSpec {
  readonly name: string;
  readonly description: string;
  readonly firstDate: string;
  readonly lastDate: string;
  /** Symbol whose trading days form the calendar (a US-listed ETF). */
  readonly calendarSymbol: string;
  readonly securities: readonly SecurityInfo[];
  readonly splits: readonly SplitEvent[];
  readonly declaredDividends: readonly DeclaredDividend[];
  /** ECB euro reference rates (eurofxref-hist.csv layout) and the currencies to export. */
  readonly ecb: SourceFile;
  readonly ecbCurrencies: readonly string[];
  /** Cross rates derived from the ECB file, written as `fx/<BASE><QUOTE>.csv`. */
  readonly fxCrosses: readonly { readonly base: string; readonly quote: string }[];
  readonly macro: readonly MacroSource[];
  /** Series (an id of `macro`) giving the annual % rate paid on USD cash. */
  readonly cashRateSeries: string;
  readonly fundamentals: readonly FundamentalsSource[];
  readonly kaggleFundamentals?: SourceFile;
  /** Bundled sample news; absent → no `news/` folder. */
  readonly news?: NewsSpec;
  readonly fees: FeeSchedule;
  readonly portfolios: readonly PortfolioPlan[];
}
