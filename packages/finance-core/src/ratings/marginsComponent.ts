import { annualSeries, shortSeriesReason, yearSpan, type AnnualSeries } from './annualSeries.js';
import { formatPercent } from './formatFigure.js';
import type { AnnualFigures } from './fundamentalsPeriod.js';
import { combineMeasures, type QualityComponent } from './qualityComponent.js';
import { scoredMeasure, unavailableMeasure, type QualityMeasure } from './qualityMeasure.js';
import { QUALITY_CURVES } from './qualityThresholds.js';
import { mean, sampleStandardDeviation } from './seriesStatistics.js';

const LEVEL_WEIGHT = 0.35;
const STABILITY_WEIGHT = 0.15;

/** profit / revenue for years with both and positive revenue. */
function marginSeries(
  years: readonly AnnualFigures[],
  profit: (year: AnnualFigures) => number | null,
): AnnualSeries {
  return annualSeries(years, (year) => {
    const value = profit(year);
    return value === null || year.revenue === null || year.revenue <= 0
      ? null
      : value / year.revenue;
  });
}

/** Level (mean) and stability (sample std) measures of one margin series. */
function marginMeasures(
  label: string,
  series: AnnualSeries,
  levelCurve: (typeof QUALITY_CURVES)['meanGrossMargin' | 'meanOperatingMargin'],
): QualityMeasure[] {
  const levelName = `mean ${label}`;
  const stabilityName = `${label} standard deviation`;
  const short = shortSeriesReason(series, label);
  if (short !== null) {
    return [
      unavailableMeasure(levelName, LEVEL_WEIGHT, short),
      unavailableMeasure(stabilityName, STABILITY_WEIGHT, short),
    ];
  }
  const average = mean(series.values);
  const spread = sampleStandardDeviation(series.values);
  const span = `${series.values.length} years (${yearSpan(series.fiscalYears)})`;
  return [
    scoredMeasure(
      levelName,
      LEVEL_WEIGHT,
      average,
      levelCurve,
      `${label} averaged ${formatPercent(average)} over ${span}`,
    ),
    scoredMeasure(
      stabilityName,
      STABILITY_WEIGHT,
      spread,
      QUALITY_CURVES.marginStdDev,
      `${label} varied by ${(spread * 100).toFixed(2)} pp (sample std)`,
    ),
  ];
}

/**
 * Margins (0–100) = 0.35 × score(mean gross margin) + 0.35 × score(mean operating margin)
 * + 0.15 × score(std of gross margin) + 0.15 × score(std of operating margin), margins being
 * gross profit / revenue and operating income / revenue over years with positive revenue
 * (each needs at least 3 years). Curves: QUALITY_CURVES.meanGrossMargin,
 * .meanOperatingMargin and .marginStdDev.
 */
export function marginsComponent(years: readonly AnnualFigures[]): QualityComponent {
  const gross = marginSeries(years, (year) => year.gross_profit);
  const operating = marginSeries(years, (year) => year.operating_income);
  return combineMeasures(
    [
      ...marginMeasures('gross margin', gross, QUALITY_CURVES.meanGrossMargin),
      ...marginMeasures('operating margin', operating, QUALITY_CURVES.meanOperatingMargin),
    ],
    { 'gross margin': gross, 'operating margin': operating },
  );
}
