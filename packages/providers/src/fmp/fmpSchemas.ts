import { type } from 'arktype';

/**
 * arktype schemas of the FMP `/stable` responses we read. Only the fields we use are
 * declared; others pass through unchecked. Numbers may be null where FMP sends null.
 */
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const maybeNumber = type('number | null');

/** `/stable/historical-price-eod/full` (stocks and FX symbols like EURUSD). */
export const fmpEodRows = type({
  date: isoDate,
  close: 'number',
  'open?': maybeNumber,
  'high?': maybeNumber,
  'low?': maybeNumber,
  'volume?': maybeNumber,
}).array();

/** `/stable/quote`. */
export const fmpQuoteRows = type({
  symbol: 'string',
  price: 'number',
  'timestamp?': 'number',
}).array();

/** `/stable/dividends`: `date` is the ex-date; `dividend` is the unadjusted amount. */
export const fmpDividendRows = type({
  symbol: 'string',
  date: isoDate,
  'recordDate?': 'string | null',
  'paymentDate?': 'string | null',
  dividend: 'number',
}).array();

/** `/stable/splits`. */
export const fmpSplitRows = type({
  symbol: 'string',
  date: isoDate,
  numerator: 'number > 0',
  denominator: 'number > 0',
}).array();

/** `/stable/income-statement?period=annual`. */
export const fmpIncomeStatementRows = type({
  date: isoDate,
  fiscalYear: 'string',
  'reportedCurrency?': 'string | null',
  'revenue?': maybeNumber,
  'grossProfit?': maybeNumber,
  'operatingIncome?': maybeNumber,
  'netIncome?': maybeNumber,
  'epsDiluted?': maybeNumber,
  'interestExpense?': maybeNumber,
  'weightedAverageShsOutDil?': maybeNumber,
}).array();

/** `/stable/key-metrics?period=annual`. */
export const fmpKeyMetricsRows = type({
  fiscalYear: 'string',
  'returnOnEquity?': maybeNumber,
}).array();

/** `/stable/balance-sheet-statement?period=annual`. */
export const fmpBalanceSheetRows = type({
  fiscalYear: 'string',
  'totalDebt?': maybeNumber,
  'totalStockholdersEquity?': maybeNumber,
}).array();

/** `/stable/cash-flow-statement?period=annual`. */
export const fmpCashFlowRows = type({
  fiscalYear: 'string',
  'operatingCashFlow?': maybeNumber,
  'capitalExpenditure?': maybeNumber,
  'freeCashFlow?': maybeNumber,
}).array();
