import { epochDayToIso } from '../dates/epochDayToIso.js';
import { annualizedReturn } from '../performance/annualizedReturn.js';
import { isUndefinedValue, Reason } from '../result/undefinedValue.js';
import type { AnchoredWindow, MetricSetWindows } from './metricSetWindows.js';
import type { TwrPeriod, TwrRecord, Unavailable } from './metricSet.js';

/**
 * The `twr` section: for 1D, MTD, QTD, YTD, 1Y, 3Y, 5Y and inception, the cumulative
 * time-weighted return ∏(1 + r) − 1 over `(anchor, as_of]`, Actual/365 annualised when
 * the period is a year or longer, and the same period recomputed from values and
 * end-of-day flows (`valueReturns`). A window without observations has R = 0 and `n_obs` 0.
 * Both products of a window are formed in one pass (two independent chains, NaN rows
 * skipped), with the same multiplications in the same order as `cumulativeReturn`.
 */
export function twrSection(
  calendar: Int32Array,
  windows: MetricSetWindows,
  asOfDay: number,
  returns: Float64Array,
  valueReturns: Float64Array,
): Record<TwrPeriod, TwrRecord | Unavailable> {
  const c = windows.calendar;
  const series = { calendar, asOfDay, returns, valueReturns };
  return {
    '1d': twrRecord(series, windows.oneDay, false),
    MTD: twrRecord(series, c.MTD, false),
    QTD: twrRecord(series, c.QTD, false),
    YTD: twrRecord(series, c.YTD, false),
    '1Y': twrRecord(series, c['1Y'], true),
    '3Y': twrRecord(series, c['3Y'], true),
    '5Y': twrRecord(series, c['5Y'], true),
    inception: twrRecord(series, c.inception, true),
  };
}

interface TwrSeries {
  readonly calendar: Int32Array;
  readonly asOfDay: number;
  readonly returns: Float64Array;
  readonly valueReturns: Float64Array;
}

function twrRecord(s: TwrSeries, w: AnchoredWindow, annualise: boolean): TwrRecord | Unavailable {
  const anchor = epochDayToIso(w.anchor);
  if (w.range === null) return { value: null, reason: Reason.insufficientHistory, anchor };
  const { start, end } = w.range;
  const { returns, valueReturns } = s;
  let growth = 1;
  let valueGrowth = 1;
  let nObs = 0;
  for (let i = start; i < end; i++) {
    const r = returns[i]!;
    const v = valueReturns[i]!;
    if (r === r) {
      growth *= 1 + r;
      nObs++;
    }
    if (v === v) valueGrowth *= 1 + v;
  }
  const cumulative = growth - 1;
  const daysAct = s.asOfDay - w.anchor;
  const empty = end <= start;
  const record: { -readonly [K in keyof TwrRecord]: TwrRecord[K] } = {
    anchor,
    first_date: empty ? null : epochDayToIso(s.calendar[start]!),
    last_date: empty ? null : epochDayToIso(s.calendar[end - 1]!),
    n_rows: end - start,
    n_obs: nObs,
    days_act: daysAct,
    cumulative,
    cumulative_from_values_eod_flows: valueGrowth - 1,
  };
  if (annualise) {
    const annualised = annualizedReturn(cumulative, daysAct);
    if (!isUndefinedValue(annualised)) record.annualized_act365 = annualised;
  }
  return record;
}
