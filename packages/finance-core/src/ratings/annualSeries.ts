import type { AnnualFigures } from './fundamentalsPeriod.js';
import { MIN_TREND_YEARS } from './qualityThresholds.js';

/** The fiscal years where a derived figure exists, and its values in the same order. */
export interface AnnualSeries {
  readonly fiscalYears: readonly number[];
  readonly values: Float64Array;
}

/**
 * Collects `figure(year)` over the years (ascending) where it is not null.
 *
 * @example annualSeries(years, (y) => y.revenue) // revenue by fiscal year
 */
export function annualSeries(
  years: readonly AnnualFigures[],
  figure: (year: AnnualFigures) => number | null,
): AnnualSeries {
  const fiscalYears: number[] = [];
  const collected: number[] = [];
  for (const year of years) {
    const value = figure(year);
    if (value === null) continue;
    fiscalYears.push(year.fiscalYear);
    collected.push(value);
  }
  return { fiscalYears, values: Float64Array.from(collected) };
}

/**
 * Why a trend measure cannot use `series` (fewer than {@link MIN_TREND_YEARS} years), or
 * null when it has enough years.
 */
export function shortSeriesReason(series: AnnualSeries, what: string): string | null {
  const n = series.values.length;
  if (n >= MIN_TREND_YEARS) return null;
  return `${what} available for ${n} fiscal year${n === 1 ? '' : 's'}, needs at least ${MIN_TREND_YEARS}`;
}

/** "2012–2015" (or "2015" for a single year) for the first and last year of a series. */
export function yearSpan(fiscalYears: readonly number[]): string {
  const first = fiscalYears[0];
  const last = fiscalYears[fiscalYears.length - 1];
  if (first === undefined || last === undefined) return 'no years';
  return first === last ? `${first}` : `${first}–${last}`;
}
