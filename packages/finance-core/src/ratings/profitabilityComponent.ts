import { annualSeries, shortSeriesReason, yearSpan } from './annualSeries.js';
import { formatPercent } from './formatFigure.js';
import type { AnnualFigures } from './fundamentalsPeriod.js';
import { combineMeasures, type QualityComponent } from './qualityComponent.js';
import { scoredMeasure, unavailableMeasure } from './qualityMeasure.js';
import { QUALITY_CURVES, ROE_HURDLE } from './qualityThresholds.js';
import { mean } from './seriesStatistics.js';

const LEVEL = 'mean ROE';
const LEVEL_WEIGHT = 0.6;
const CONSISTENCY = `share of years with ROE ≥ ${formatPercent(ROE_HURDLE)}`;
const CONSISTENCY_WEIGHT = 0.4;

/**
 * Return on equity of one fiscal year: net income / year-end total equity when both are
 * known and equity is positive; otherwise the reported `return_on_equity`, unless equity is
 * known to be ≤ 0 (ROE is then meaningless and the year has none).
 */
export function returnOnEquity(year: AnnualFigures): number | null {
  const equity = year.total_equity;
  if (equity !== null && equity <= 0) return null;
  if (year.net_income !== null && equity !== null) return year.net_income / equity;
  return year.return_on_equity;
}

/**
 * Profitability (0–100) = 0.6 × score(mean ROE) + 0.4 × score(share of years with
 * ROE ≥ 15 %), over the years that have an ROE (at least 3). Curves: QUALITY_CURVES.meanRoe
 * and .roeHurdleShare.
 */
export function profitabilityComponent(years: readonly AnnualFigures[]): QualityComponent {
  const roe = annualSeries(years, returnOnEquity);
  const short = shortSeriesReason(roe, 'ROE');
  if (short !== null) {
    return combineMeasures(
      [
        unavailableMeasure(LEVEL, LEVEL_WEIGHT, short),
        unavailableMeasure(CONSISTENCY, CONSISTENCY_WEIGHT, short),
      ],
      { ROE: roe },
    );
  }
  const n = roe.values.length;
  let cleared = 0;
  for (const value of roe.values) if (value >= ROE_HURDLE) cleared++;
  const average = mean(roe.values);
  return combineMeasures(
    [
      scoredMeasure(
        LEVEL,
        LEVEL_WEIGHT,
        average,
        QUALITY_CURVES.meanRoe,
        `ROE averaged ${formatPercent(average)} over ${n} years (${yearSpan(roe.fiscalYears)})`,
      ),
      scoredMeasure(
        CONSISTENCY,
        CONSISTENCY_WEIGHT,
        cleared / n,
        QUALITY_CURVES.roeHurdleShare,
        `ROE below ${formatPercent(ROE_HURDLE)} in ${n - cleared} of ${n} years`,
      ),
    ],
    { ROE: roe },
  );
}
