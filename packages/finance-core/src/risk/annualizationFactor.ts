/** Trading days per year used to annualise daily statistics (CONVENTIONS.md: ANN = 252). */
export const TRADING_DAYS_PER_YEAR = 252;
