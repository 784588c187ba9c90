import { annualSeries } from './annualSeries.js';
import { formatMultiple } from './formatFigure.js';
import type { AnnualFigures } from './fundamentalsPeriod.js';
import { combineMeasures, type QualityComponent } from './qualityComponent.js';
import { scoredMeasure, unavailableMeasure, type QualityMeasure } from './qualityMeasure.js';
import { QUALITY_CURVES } from './qualityThresholds.js';

const DEBT_TO_EQUITY = 'debt / equity';
const COVERAGE = 'interest coverage';
const WEIGHT = 0.5;

/** The most recent year for which `has(year)` holds. */
function latestYear(
  years: readonly AnnualFigures[],
  has: (year: AnnualFigures) => boolean,
): AnnualFigures | undefined {
  for (let i = years.length - 1; i >= 0; i--) {
    const year = years[i] as AnnualFigures;
    if (has(year)) return year;
  }
  return undefined;
}

function debtToEquityMeasure(year: AnnualFigures | undefined): QualityMeasure {
  if (year === undefined) {
    return unavailableMeasure(
      DEBT_TO_EQUITY,
      WEIGHT,
      'no year reports both total debt and total equity',
    );
  }
  const debt = year.total_debt as number;
  const equity = year.total_equity as number;
  if (equity <= 0) {
    return {
      name: DEBT_TO_EQUITY,
      value: null,
      score: 0,
      weight: WEIGHT,
      reason: `total equity ${year.fiscalYear} is not positive (liabilities exceed assets): scored 0`,
    };
  }
  const ratio = debt / equity;
  return scoredMeasure(
    DEBT_TO_EQUITY,
    WEIGHT,
    ratio,
    QUALITY_CURVES.debtToEquity,
    `debt/equity ${formatMultiple(ratio)} in ${year.fiscalYear}`,
  );
}

function coverageMeasure(year: AnnualFigures | undefined): QualityMeasure {
  if (year === undefined) {
    return unavailableMeasure(
      COVERAGE,
      WEIGHT,
      'no year reports both operating income and interest expense',
    );
  }
  const interest = Math.abs(year.interest_expense as number);
  if (interest === 0) {
    return {
      name: COVERAGE,
      value: null,
      score: 100,
      weight: WEIGHT,
      reason: `no interest expense in ${year.fiscalYear}: coverage unbounded, scored 100`,
    };
  }
  const coverage = (year.operating_income as number) / interest;
  return scoredMeasure(
    COVERAGE,
    WEIGHT,
    coverage,
    QUALITY_CURVES.interestCoverage,
    `operating income covered interest ${formatMultiple(coverage)} in ${year.fiscalYear}`,
  );
}

/**
 * Leverage (0–100) = 0.5 × score(total debt / total equity) + 0.5 × score(operating income /
 * |interest expense|), each from the most recent fiscal year reporting its figures. Equity
 * ≤ 0 scores debt/equity 0; zero interest expense scores coverage 100. Curves:
 * QUALITY_CURVES.debtToEquity and .interestCoverage.
 */
export function leverageComponent(years: readonly AnnualFigures[]): QualityComponent {
  const balanceYear = latestYear(years, (y) => y.total_debt !== null && y.total_equity !== null);
  const incomeYear = latestYear(
    years,
    (y) => y.operating_income !== null && y.interest_expense !== null,
  );
  const balance = balanceYear === undefined ? [] : [balanceYear];
  const income = incomeYear === undefined ? [] : [incomeYear];
  return combineMeasures([debtToEquityMeasure(balanceYear), coverageMeasure(incomeYear)], {
    'total debt': annualSeries(balance, (y) => y.total_debt),
    'total equity': annualSeries(balance, (y) => y.total_equity),
    'operating income': annualSeries(income, (y) => y.operating_income),
    'interest expense': annualSeries(income, (y) => y.interest_expense),
  });
}
