/**
 * The market conventions every step of a night shares, defined once: which symbol's
 * closes make the trading calendar, and which series is the risk-free rate.
 */

/** Default CALENDAR_SYMBOL: a date is a trading day iff this symbol has a primary close. */
export const DEFAULT_CALENDAR_SYMBOL = 'SPY';

/** FRED series of the risk-free rate: the 3-month Treasury bill yield, in percent. */
export const RISK_FREE_SERIES = 'DGS3MO';
