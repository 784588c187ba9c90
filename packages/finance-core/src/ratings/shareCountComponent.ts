import { annualSeries } from './annualSeries.js';
import { compoundGrowthMeasure } from './compoundGrowthMeasure.js';
import type { AnnualFigures } from './fundamentalsPeriod.js';
import { combineMeasures, type QualityComponent } from './qualityComponent.js';
import { QUALITY_CURVES } from './qualityThresholds.js';

/**
 * Share-count trend (0–100) = score(CAGR of diluted shares) between the first and last year
 * reporting a positive count (at least 3; a count ≤ 0 is treated as missing): shrinking (buybacks) scores high, growing (dilution) low.
 * Share counts must be split-adjusted by the caller. Curve: QUALITY_CURVES.shareCountCagr.
 */
export function shareCountComponent(years: readonly AnnualFigures[]): QualityComponent {
  const shares = annualSeries(years, (year) =>
    year.shares_diluted !== null && year.shares_diluted > 0 ? year.shares_diluted : null,
  );
  return combineMeasures(
    [
      compoundGrowthMeasure(
        'diluted shares CAGR',
        'diluted shares',
        shares,
        1,
        QUALITY_CURVES.shareCountCagr,
      ),
    ],
    { 'diluted shares': shares },
  );
}
