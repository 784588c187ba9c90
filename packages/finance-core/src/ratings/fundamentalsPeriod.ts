/** A reported figure: a decimal string (as in the offline data set), a number, or null when unknown. */
export type ReportedFigure = string | number | null;

/**
 * One fiscal year of a company's annual fundamentals, in the field names of the offline
 * data set's `fundamentals/<SYMBOL>.json` periods. Amounts are in the reporting currency
 * (any unit, used only in ratios); `eps_diluted` per share; `return_on_equity` a fraction
 * (0.28 = 28 %); `capital_expenditure` may be reported with either sign (its magnitude is
 * used). A missing key means the same as null.
 */
export interface FundamentalsPeriod {
  readonly fiscal_year: number | string;
  readonly period_end?: string | null;
  readonly revenue?: ReportedFigure;
  readonly gross_profit?: ReportedFigure;
  readonly operating_income?: ReportedFigure;
  readonly net_income?: ReportedFigure;
  readonly eps_diluted?: ReportedFigure;
  readonly interest_expense?: ReportedFigure;
  readonly total_debt?: ReportedFigure;
  readonly total_equity?: ReportedFigure;
  readonly operating_cash_flow?: ReportedFigure;
  readonly capital_expenditure?: ReportedFigure;
  readonly free_cash_flow?: ReportedFigure;
  readonly shares_diluted?: ReportedFigure;
  readonly return_on_equity?: ReportedFigure;
}

/** The figures of {@link FundamentalsPeriod} the rating reads, in snake_case as reported. */
export const REPORTED_FIGURE_FIELDS = [
  'revenue',
  'gross_profit',
  'operating_income',
  'net_income',
  'eps_diluted',
  'interest_expense',
  'total_debt',
  'total_equity',
  'operating_cash_flow',
  'capital_expenditure',
  'free_cash_flow',
  'shares_diluted',
  'return_on_equity',
] as const;

/** Name of one reported figure. */
export type ReportedFigureField = (typeof REPORTED_FIGURE_FIELDS)[number];

/** One fiscal year with every figure parsed to a finite number or null. */
export type AnnualFigures = { readonly fiscalYear: number } & {
  readonly [K in ReportedFigureField]: number | null;
};
