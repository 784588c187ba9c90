import { epochDayToIso } from '../dates/epochDayToIso.js';
import { firstRowAfter } from '../dates/firstRowAfter.js';
import { dailyReturnsFromValues } from '../returns/dailyReturnsFromValues.js';
import { factorSections } from './factorSections.js';
import type { MetricSet } from './metricSet.js';
import type { MetricSetInput, MetricSetOptions } from './metricSetInput.js';
import { MetricSetInputError } from './metricSetInputError.js';
import { resolveMetricSetWindows } from './metricSetWindows.js';
import { mwrSection } from './mwrSection.js';
import { riskSections } from './riskSections.js';
import { twrSection } from './twrSection.js';

/**
 * The whole metric set of one portfolio at `asOfDay` (epoch day), laid out like the
 * reference `expected/{P}_{as_of}.json`: TWR for 1D…inception, XIRR for YTD/1Y/3Y/
 * inception, volatility and Sharpe over 30/60/90 rows and 1Y, max drawdown 1Y/3Y/
 * inception, CAPM 1Y/3Y, tracking error and information ratio 1Y, win/loss 1Y and
 * inception, factor model with attribution 1Y/3Y/inception, 30-row factor correlations
 * and 90-row factor momentum at as-of. Windows (CONVENTIONS.md) are resolved once by
 * binary search and shared; value-based returns are computed once. Undefined values are
 * `null` with a reason. The as-of row is the last calendar row on or before `asOfDay`.
 * Throws {@link MetricSetInputError} when series lengths differ from the calendar or no
 * calendar row lies in `(inception, as_of]`. `options.factorCache` shares factor-only work
 * across portfolios on the same market arrays (identical results).
 *
 * @example computeMetricSet(input, isoToEpochDay('2024-12-31')).twr['1Y']
 */
export function computeMetricSet(
  input: MetricSetInput,
  asOfDay: number,
  options: MetricSetOptions = {},
): MetricSet {
  const { calendar } = input;
  checkLengths(input);
  const firstRow = firstRowAfter(calendar, input.inceptionDay, 0, calendar.length);
  const end = firstRowAfter(calendar, asOfDay, firstRow, calendar.length);
  if (end <= firstRow || asOfDay > calendar[calendar.length - 1]!) {
    throw new MetricSetInputError(
      'as_of_out_of_range',
      `as-of ${epochDayToIso(asOfDay)} is outside the data: rows run from the day after inception ${epochDayToIso(input.inceptionDay)} to ${epochDayToIso(calendar[calendar.length - 1]!)}`,
    );
  }
  const windows = resolveMetricSetWindows(calendar, input.inceptionDay, firstRow, end, asOfDay);
  const valueReturns = dailyReturnsFromValues(input.values, input.flows, input.inceptionValue);
  const head = {
    portfolio: input.portfolio,
    as_of: epochDayToIso(asOfDay),
    schema_version: 1 as const,
    twr: twrSection(calendar, windows, asOfDay, input.returns, valueReturns),
    mwr_xirr: mwrSection(input, windows, asOfDay),
  };
  return Object.assign(
    head,
    riskSections(input, windows),
    factorSections(input, windows, options.factorCache),
  );
}

function checkLengths(input: MetricSetInput): void {
  const n = input.calendar.length;
  checkLength('returns', input.returns, n);
  checkLength('values', input.values, n);
  checkLength('flows', input.flows, n);
  checkLength('benchmark', input.benchmark, n);
  checkLength('riskFree', input.riskFree, n);
  for (let i = 0; i < input.factors.length; i++) {
    const factor = input.factors[i]!;
    if (factor.length !== n) checkLength(`factor ${input.factorNames[i] ?? i}`, factor, n);
  }
  if (input.factorNames.length !== input.factors.length) {
    throw new MetricSetInputError(
      'length_mismatch',
      `${input.factors.length} factor series but ${input.factorNames.length} factor names`,
    );
  }
}

function checkLength(name: string, series: Float64Array, n: number): void {
  if (series.length !== n) {
    throw new MetricSetInputError(
      'length_mismatch',
      `${name} has ${series.length} rows but the calendar has ${n}; align every series on the calendar first`,
    );
  }
}
