import { epochDayToIso } from '@truth-spine/finance-core';
import type { ExactValuation } from './exactValuation.js';
import type { PortfolioHistory } from './portfolioHistory.js';

/** Columns of a valuations row, in {@link valuationRow} order. */
export const VALUATION_COLUMNS = [
  'pack_id',
  'portfolio_id',
  'as_of',
  'base_currency',
  'market_value',
  'securities_value',
  'cash_value',
  'positions',
] as const;

/** Columns of a return_series row, in {@link returnSeriesRow} order. */
export const RETURN_SERIES_COLUMNS = [
  'pack_id',
  'portfolio_id',
  'first_date',
  'last_date',
  'n_obs',
  'lineage_id',
  'epoch_days',
  'values',
  'returns',
  'external_flows',
] as const;

/** A valuations row (exact decimals as big.js strings). */
export function valuationRow(
  packId: string,
  portfolioId: string,
  asOf: string,
  baseCurrency: string,
  valuation: ExactValuation,
): unknown[] {
  return [
    packId,
    portfolioId,
    asOf,
    baseCurrency,
    valuation.marketValue.toString(),
    valuation.securitiesValue.toString(),
    valuation.cashValue.toString(),
    valuation.positions,
  ];
}

/**
 * A return_series row: the history's dates and length, its days being the first `n_obs`
 * of lineage `lineageId` in `history_chunks` (the arrays are not stored inline any more).
 */
export function returnSeriesRow(
  packId: string,
  portfolioId: string,
  history: PortfolioHistory,
  lineageId: string,
): unknown[] {
  const days = history.epochDays;
  return [
    packId,
    portfolioId,
    epochDayToIso(days[0]!),
    epochDayToIso(days[days.length - 1]!),
    days.length,
    lineageId,
    null,
    null,
    null,
    null,
  ];
}
