import type {
  ArithmeticAttribution,
  CompoundedAttribution,
  LastDayDecomposition,
} from '../factors/attributeFactorReturns.js';
import type { FactorModelFit } from '../factors/fitFactorModel.js';

/**
 * The whole metric set of one portfolio at one as-of date. Keys and nesting follow the
 * reference files `expected/{P}_{as_of}.json` (snake_case) for every value reported;
 * peer values (empyrical, quantstats, Portfolio Performance, `alt_*`) are not reproduced.
 * Dates are ISO `YYYY-MM-DD`. An undefined value is `null` beside a `reason`.
 */
export interface MetricSet {
  readonly portfolio: string;
  readonly as_of: string;
  readonly schema_version: 1;
  readonly twr: Readonly<Record<TwrPeriod, TwrRecord | Unavailable>>;
  readonly mwr_xirr: Readonly<Record<MwrPeriod, MwrRecord | MwrUnavailable>>;
  readonly volatility: Readonly<Record<RiskWindow, VolatilityRecord | Unavailable>>;
  readonly sharpe: Readonly<Record<RiskWindow, SharpeRecord | Unavailable>>;
  readonly max_drawdown: Readonly<Record<DrawdownWindow, DrawdownRecord | Unavailable>>;
  readonly capm: Readonly<Record<CapmWindow, CapmRecord | Unavailable>>;
  readonly active: Readonly<Record<'1Y', ActiveRecord | Unavailable>>;
  readonly win_loss: Readonly<Record<WinLossWindow, WinLossRecord | Unavailable>>;
  readonly factor_model: Readonly<Record<FactorWindow, FactorModelRecord | Unavailable>>;
  /** Correlation of the portfolio with each factor over the last 30 rows; `n_pairs` = complete rows. */
  readonly rolling_corr30_at_as_of: RollingCorrelationRecord;
  /** (f(as_of) − mean) / std over the 90 rows ending at as-of, per factor. */
  readonly factor_momentum_z90_at_as_of: FactorValues;
  /** The same over the 90 rows before as-of. */
  readonly factor_momentum_z90_excl_current_at_as_of: FactorValues;
}

/** Periods of the time-weighted return (CONVENTIONS.md, "Windows"). */
export type TwrPeriod = '1d' | 'MTD' | 'QTD' | 'YTD' | '1Y' | '3Y' | '5Y' | 'inception';
/** Periods of the money-weighted return (XIRR). */
export type MwrPeriod = 'YTD' | '1Y' | '3Y' | 'inception';
/** Windows of volatility and Sharpe: the last 30/60/90 calendar rows, or the year to as-of. */
export type RiskWindow = '30d' | '60d' | '90d' | '1Y';
/** Windows of the maximum drawdown. */
export type DrawdownWindow = '1Y' | '3Y' | 'inception';
/** Windows of the CAPM regression. */
export type CapmWindow = '1Y' | '3Y';
/** Windows of the win/loss statistics. */
export type WinLossWindow = '1Y' | 'inception';
/** Windows of the factor model. */
export type FactorWindow = '1Y' | '3Y' | 'inception';

/** A value that cannot be computed, e.g. `{ value: null, reason: 'insufficient history' }`. */
export interface Unavailable {
  readonly value: null;
  readonly reason: string;
  readonly anchor?: string;
}

/** Which rows a record was computed from (CONVENTIONS.md: on every record). */
export interface WindowFacts {
  /** First and last calendar row of the window (observed or not); null when empty. */
  readonly first_date: string | null;
  readonly last_date: string | null;
  /** Calendar rows in the window. */
  readonly n_rows: number;
  /** Rows with an observation (n_obs ≤ n_rows). */
  readonly n_obs: number;
}

/** Time-weighted return of one period: `∏(1 + r) − 1`, annualised Actual/365 from a year on. */
export interface TwrRecord extends WindowFacts {
  readonly anchor: string;
  readonly days_act: number;
  /** ∏(1 + r) − 1 over the observations (0 when there are none: the value did not change). */
  readonly cumulative: number;
  /** (1 + R)^(365/days) − 1; present only for periods of a year or more. */
  readonly annualized_act365?: number | null;
  /** The same period recomputed from values and end-of-day flows (a cross-check). */
  readonly cumulative_from_values_eod_flows: number;
}

/**
 * Money-weighted return (XIRR, Actual/365F) of one period from the investor's cash flows;
 * `xirr` is null beside `reason` (and every root in `roots`) unless exactly one root exists.
 */
export interface MwrRecord {
  readonly anchor: string;
  readonly anchor_value: number;
  readonly end_value: number;
  readonly days_act: number;
  /** [date, amount] from the investor's view, same-date amounts summed. */
  readonly cash_flows_investor_view: readonly (readonly [string, number])[];
  readonly roots: readonly number[];
  readonly xirr: number | null;
  readonly reason?: string;
  readonly period_rate?: number;
  readonly npv_at_xirr?: number;
}

/** An XIRR period that starts before inception: no cash flows, `xirr: null` with the reason. */
export interface MwrUnavailable {
  readonly xirr: null;
  readonly reason: string;
  readonly anchor: string;
}

/** Annualised volatility `std(r) · √252` (sample standard deviation) of one window. */
export interface VolatilityRecord extends WindowFacts {
  readonly value: number;
  readonly daily_std_ddof1: number;
}

/** Sharpe ratio `mean(r − rf) / std(r − rf) · √252` of one window; null beside `reason`. */
export interface SharpeRecord extends WindowFacts {
  readonly value: number | null;
  readonly reason?: string;
  readonly mean_excess_daily?: number;
  readonly std_excess_daily_ddof1?: number;
}

/** Maximum drawdown (≤ 0) of one window with its peak, trough and recovery dates. */
export interface DrawdownRecord extends WindowFacts {
  readonly value: number;
  readonly peak_date: string | null;
  readonly trough_date: string | null;
  readonly recovery_date: string | null;
}

/** CAPM: OLS of the portfolio's excess return on the benchmark's, with standard errors. */
export interface CapmRecord extends WindowFacts {
  readonly beta: number;
  readonly alpha_daily: number;
  readonly alpha_annual_arithmetic: number;
  readonly alpha_annual_geometric: number;
  readonly r_squared: number | null;
  readonly r_squared_reason?: string;
  readonly alpha_daily_stderr: number;
  readonly beta_stderr: number;
}

/** Tracking error `std(r − b) · √252` and information ratio against the benchmark. */
export interface ActiveRecord extends WindowFacts {
  readonly tracking_error: number;
  readonly information_ratio: number | null;
  readonly information_ratio_reason?: string;
  readonly mean_active_daily: number;
}

/** Counts and averages of winning and losing days; averages null beside `<key>_reason`. */
export interface WinLossRecord extends WindowFacts {
  readonly n_wins: number;
  readonly n_losses: number;
  readonly n_zero: number;
  readonly win_rate: number;
  readonly avg_win: number | null;
  readonly avg_win_reason?: string;
  readonly avg_loss: number | null;
  readonly avg_loss_reason?: string;
  readonly payoff_ratio: number | null;
  readonly payoff_ratio_reason?: string;
}

/** The factor model of one window: the fit, both attributions and the last day's split. */
export type FactorModelRecord = WindowFacts &
  FactorModelFit & {
    /** What was regressed (the raw daily portfolio return). */
    readonly y: string;
    readonly attribution_compounded: CompoundedAttribution;
    readonly attribution_arithmetic: ArithmeticAttribution;
    readonly last_day_decomposition: Omit<LastDayDecomposition, 'row'> & { readonly date: string };
  };

/** One number per factor name (null beside `<name>_reason` when undefined). */
export type FactorValues = Readonly<Record<string, number | string | null>>;

/**
 * Pearson correlation of the portfolio's daily return with each factor over the last 30 rows
 * (null beside `<factor>_reason` when undefined); `n_pairs` = complete rows used.
 */
export interface RollingCorrelationRecord {
  readonly n_pairs: number;
  readonly [factor: string]: number | null | string;
}
