import { annualSeries, shortSeriesReason, yearSpan } from './annualSeries.js';
import { formatMultiple } from './formatFigure.js';
import type { AnnualFigures } from './fundamentalsPeriod.js';
import { combineMeasures, type QualityComponent } from './qualityComponent.js';
import { scoredMeasure, unavailableMeasure } from './qualityMeasure.js';
import { QUALITY_CURVES } from './qualityThresholds.js';

const NAME = 'free cash flow / net income';

/**
 * Free cash flow of one fiscal year: the reported `free_cash_flow`, else operating cash
 * flow − |capital expenditure| (capex may be reported with either sign), else null.
 */
export function freeCashFlow(year: AnnualFigures): number | null {
  if (year.free_cash_flow !== null) return year.free_cash_flow;
  if (year.operating_cash_flow === null || year.capital_expenditure === null) return null;
  return year.operating_cash_flow - Math.abs(year.capital_expenditure);
}

/**
 * Cash conversion (0–100) = score(Σ free cash flow / Σ net income) over the years that
 * report both (at least 3). Summing before dividing keeps one odd year from dominating.
 * Unavailable when Σ net income ≤ 0 (the ratio has no meaning). Curve:
 * QUALITY_CURVES.cashConversion.
 */
export function cashConversionComponent(years: readonly AnnualFigures[]): QualityComponent {
  const withBoth = years.filter((year) => year.net_income !== null && freeCashFlow(year) !== null);
  const income = annualSeries(withBoth, (year) => year.net_income);
  const inputs = { 'net income': income, 'free cash flow': annualSeries(withBoth, freeCashFlow) };
  const short = shortSeriesReason(income, 'free cash flow with net income');
  if (short !== null) return combineMeasures([unavailableMeasure(NAME, 1, short)], inputs);
  let incomeSum = 0;
  let cashSum = 0;
  for (const year of withBoth) {
    incomeSum += year.net_income as number;
    cashSum += freeCashFlow(year) as number;
  }
  const span = `${withBoth.length} years (${yearSpan(income.fiscalYears)})`;
  if (incomeSum <= 0) {
    return combineMeasures(
      [unavailableMeasure(NAME, 1, `cumulative net income over ${span} is not positive`)],
      inputs,
    );
  }
  const ratio = cashSum / incomeSum;
  return combineMeasures(
    [
      scoredMeasure(
        NAME,
        1,
        ratio,
        QUALITY_CURVES.cashConversion,
        `free cash flow was ${formatMultiple(ratio)} net income over ${span}`,
      ),
    ],
    inputs,
  );
}
