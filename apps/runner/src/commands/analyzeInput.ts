import {
  alignToCalendar,
  CalendarMismatchError,
  type MetricSetInput,
} from '@truth-spine/finance-core';
import type { DatedTable } from './analyzeCsv.js';
import { AnalyzeInputError } from './analyzeInputError.js';

/** Columns of the portfolio file (`date,return,value,external_flow`). */
export const PORTFOLIO_COLUMNS = ['return', 'value', 'external_flow'] as const;
/** Columns of the market file before the factor columns. */
export const MARKET_COLUMNS = ['benchmark', 'rf_daily', 'rf_annual'] as const;

/**
 * Puts a parsed portfolio file and market file on the market calendar as a finance-core
 * `MetricSetInput`. The portfolio's first row is its inception valuation (its value is
 * required); later rows must be market dates. Blank returns and absent dates are missing
 * observations; a blank flow is 0; a blank value carries the previous one. Every market
 * column after `rf_annual` is a factor. Throws {@link AnalyzeInputError} naming the line.
 */
export function analyzeInput(
  portfolioId: string,
  portfolio: DatedTable,
  market: DatedTable,
): MetricSetInput {
  const inceptionValue = portfolio.columns.get('value')![0]!;
  if (!(inceptionValue > 0)) {
    throw new AnalyzeInputError(
      portfolio.file,
      portfolio.lines[0]!,
      'value',
      'the first row is the inception valuation and needs a positive value',
    );
  }
  const days = portfolio.days.subarray(1);
  const align = (name: string) => {
    try {
      return alignToCalendar(market.days, days, portfolio.columns.get(name)!.subarray(1));
    } catch (error) {
      if (!(error instanceof CalendarMismatchError)) throw error;
      throw new AnalyzeInputError(
        portfolio.file,
        portfolio.lines[error.index + 1]!,
        'date',
        `${error.message} in ${market.file}`,
      );
    }
  };
  const factorNames = market.header.slice(1 + MARKET_COLUMNS.length);
  return {
    portfolio: portfolioId,
    calendar: market.days,
    inceptionDay: portfolio.days[0]!,
    inceptionValue,
    returns: align('return'),
    values: align('value'),
    flows: align('external_flow').map((flow) => (flow === flow ? flow : 0)),
    benchmark: market.columns.get('benchmark')!,
    riskFree: market.columns.get('rf_daily')!,
    factors: factorNames.map((name) => market.columns.get(name)!),
    factorNames,
  };
}
