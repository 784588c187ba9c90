import {
  type AnnualFigures,
  type FundamentalsPeriod,
  type ReportedFigure,
  type ReportedFigureField,
} from './fundamentalsPeriod.js';
import { InvalidFundamentalsError } from './invalidFundamentalsError.js';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses annual periods into {@link AnnualFigures} sorted by ascending fiscal year and keeps
 * the latest `maxYears` of them. Decimal strings and numbers become finite numbers; null,
 * a missing key or an empty string become null. Throws {@link InvalidFundamentalsError}
 * for a non-integer or repeated fiscal year, or a figure that is not a finite decimal.
 *
 * @example normalizeFundamentals([{ fiscal_year: 2024, revenue: '47061000000' }], 10)[0].revenue // 47061000000
 */
export function normalizeFundamentals(
  periods: readonly FundamentalsPeriod[],
  maxYears: number,
): AnnualFigures[] {
  const years = periods.map(parsePeriod).sort((a, b) => a.fiscalYear - b.fiscalYear);
  for (let i = 1; i < years.length; i++) {
    const year = (years[i] as AnnualFigures).fiscalYear;
    if (year === (years[i - 1] as AnnualFigures).fiscalYear) {
      throw new InvalidFundamentalsError(String(year), 'fiscal_year', 'appears more than once');
    }
  }
  return years.slice(Math.max(0, years.length - maxYears));
}

function parsePeriod(period: FundamentalsPeriod): AnnualFigures {
  const fiscalYear = Number(period.fiscal_year);
  if (!Number.isInteger(fiscalYear) || String(period.fiscal_year).trim() === '') {
    throw new InvalidFundamentalsError(
      String(period.fiscal_year),
      'fiscal_year',
      'is not an integer year',
    );
  }
  const year = String(fiscalYear);
  const read = (field: ReportedFigureField) => parseFigure(period[field], year, field);
  return {
    fiscalYear,
    revenue: read('revenue'),
    gross_profit: read('gross_profit'),
    operating_income: read('operating_income'),
    net_income: read('net_income'),
    eps_diluted: read('eps_diluted'),
    interest_expense: read('interest_expense'),
    total_debt: read('total_debt'),
    total_equity: read('total_equity'),
    operating_cash_flow: read('operating_cash_flow'),
    capital_expenditure: read('capital_expenditure'),
    free_cash_flow: read('free_cash_flow'),
    shares_diluted: read('shares_diluted'),
    return_on_equity: read('return_on_equity'),
  };
}

function parseFigure(raw: ReportedFigure | undefined, year: string, field: string): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return null;
    if (!DECIMAL.test(text)) {
      throw new InvalidFundamentalsError(year, field, `"${raw}" is not a decimal number`);
    }
    return Number(text);
  }
  if (!Number.isFinite(raw)) {
    throw new InvalidFundamentalsError(year, field, `${raw} is not a finite number`);
  }
  return raw;
}
