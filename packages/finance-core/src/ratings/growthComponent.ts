import { annualSeries, type AnnualSeries } from './annualSeries.js';
import { compoundGrowthMeasure } from './compoundGrowthMeasure.js';
import { formatPercent } from './formatFigure.js';
import type { AnnualFigures } from './fundamentalsPeriod.js';
import { combineMeasures, type QualityComponent } from './qualityComponent.js';
import { scoredMeasure, unavailableMeasure, type QualityMeasure } from './qualityMeasure.js';
import { MIN_TREND_YEARS, QUALITY_CURVES } from './qualityThresholds.js';

const CAGR_WEIGHT = 0.3;
const DOWN_YEARS = 'share of down years';
const DOWN_WEIGHT = 0.4;

/** Year-over-year steps between consecutive fiscal years, and how many of them fell. */
function declines(series: AnnualSeries): { steps: number; down: number } {
  let steps = 0;
  let down = 0;
  for (let i = 1; i < series.values.length; i++) {
    if ((series.fiscalYears[i] as number) - (series.fiscalYears[i - 1] as number) !== 1) continue;
    steps++;
    if ((series.values[i] as number) < (series.values[i - 1] as number)) down++;
  }
  return { steps, down };
}

function downYearMeasure(revenue: AnnualSeries, eps: AnnualSeries): QualityMeasure {
  const r = declines(revenue);
  const e = declines(eps);
  const steps = r.steps + e.steps;
  if (steps < MIN_TREND_YEARS - 1) {
    return unavailableMeasure(
      DOWN_YEARS,
      DOWN_WEIGHT,
      `${steps} year-over-year change${steps === 1 ? '' : 's'} of revenue and EPS, needs at least ${MIN_TREND_YEARS - 1}`,
    );
  }
  const share = (r.down + e.down) / steps;
  return scoredMeasure(
    DOWN_YEARS,
    DOWN_WEIGHT,
    share,
    QUALITY_CURVES.downYearShare,
    `revenue fell in ${r.down} of ${r.steps} years and EPS in ${e.down} of ${e.steps} (${formatPercent(share)} down)`,
  );
}

/**
 * Growth consistency (0–100) = 0.3 × score(revenue CAGR) + 0.3 × score(diluted EPS CAGR)
 * + 0.4 × score(share of down years), the share counting declines of revenue and of EPS
 * between consecutive fiscal years together. Curves: QUALITY_CURVES.growthCagr and
 * .downYearShare.
 */
export function growthComponent(years: readonly AnnualFigures[]): QualityComponent {
  const revenue = annualSeries(years, (year) => year.revenue);
  const eps = annualSeries(years, (year) => year.eps_diluted);
  return combineMeasures(
    [
      compoundGrowthMeasure(
        'revenue CAGR',
        'revenue',
        revenue,
        CAGR_WEIGHT,
        QUALITY_CURVES.growthCagr,
      ),
      compoundGrowthMeasure('EPS CAGR', 'EPS', eps, CAGR_WEIGHT, QUALITY_CURVES.growthCagr),
      downYearMeasure(revenue, eps),
    ],
    { revenue, 'diluted EPS': eps },
  );
}
