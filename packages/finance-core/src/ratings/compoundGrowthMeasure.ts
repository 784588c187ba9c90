import type { AnnualSeries } from './annualSeries.js';
import { shortSeriesReason } from './annualSeries.js';
import { formatPercent } from './formatFigure.js';
import type { ScoreAnchor } from './piecewiseLinear.js';
import { scoredMeasure, unavailableMeasure, type QualityMeasure } from './qualityMeasure.js';

/**
 * Scores the compound annual growth rate of a series between its first and last fiscal year:
 * CAGR = (last / first)^(1 / (lastYear − firstYear)) − 1. Unavailable with fewer than the
 * minimum trend years or a non-positive first value; a non-positive last value after a
 * positive first counts as −100 % (a collapse).
 *
 * @example revenue 48017 (2012) → 44294 (2015): (44294/48017)^(1/3) − 1 = −2.65 %
 */
export function compoundGrowthMeasure(
  name: string,
  what: string,
  series: AnnualSeries,
  weight: number,
  curve: readonly ScoreAnchor[],
): QualityMeasure {
  const short = shortSeriesReason(series, what);
  if (short !== null) return unavailableMeasure(name, weight, short);
  const n = series.values.length;
  const first = series.values[0] as number;
  const last = series.values[n - 1] as number;
  const firstYear = series.fiscalYears[0] as number;
  const lastYear = series.fiscalYears[n - 1] as number;
  if (first <= 0) {
    return unavailableMeasure(
      name,
      weight,
      `${what} growth undefined: ${what} ${firstYear} is not positive`,
    );
  }
  const cagr = last <= 0 ? -1 : Math.pow(last / first, 1 / (lastYear - firstYear)) - 1;
  const detail = last <= 0 ? ` (${what} ${lastYear} is not positive: counted as −100%)` : '';
  return scoredMeasure(
    name,
    weight,
    cagr,
    curve,
    `${what} CAGR ${formatPercent(cagr)} a year from ${firstYear} to ${lastYear}${detail}`,
  );
}
