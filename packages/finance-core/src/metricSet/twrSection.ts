import { epochDayToIso } from '../dates/epochDayToIso.js';
import { annualizedReturn } from '../performance/annualizedReturn.js';
import { cumulativeReturn } from '../performance/cumulativeReturn.js';
import { isUndefinedValue, Reason } from '../result/undefinedValue.js';
import type { AnchoredWindow, MetricSetWindows } from './metricSetWindows.js';
import type { TwrPeriod, TwrRecord, Unavailable } from './metricSet.js';
import { windowFacts } from './windowFacts.js';

/**
 * The `twr` section: for 1D, MTD, QTD, YTD, 1Y, 3Y, 5Y and inception, the cumulative
 * time-weighted return ∏(1 + r) − 1 over `(anchor, as_of]`, Actual/365 annualised when
 * the period is a year or longer, and the same period recomputed from values and
 * end-of-day flows (`valueReturns`). A window without observations has R = 0 and `n_obs` 0.
 */
export function twrSection(
  calendar: Int32Array,
  windows: MetricSetWindows,
  asOfDay: number,
  returns: Float64Array,
  valueReturns: Float64Array,
): Record<TwrPeriod, TwrRecord | Unavailable> {
  const c = windows.calendar;
  const record = (w: AnchoredWindow, annualise: boolean): TwrRecord | Unavailable => {
    const anchor = epochDayToIso(w.anchor);
    if (w.range === null) return { value: null, reason: Reason.insufficientHistory, anchor };
    const { start, end } = w.range;
    const twr = cumulativeReturn(returns, start, end);
    const daysAct = asOfDay - w.anchor;
    const annualised = annualizedReturn(twr.value, daysAct);
    const record = Object.assign({ anchor }, windowFacts(calendar, w.range, twr.nObs), {
      days_act: daysAct,
      cumulative: twr.value,
      cumulative_from_values_eod_flows: cumulativeReturn(valueReturns, start, end).value,
    });
    return annualise && !isUndefinedValue(annualised)
      ? Object.assign(record, { annualized_act365: annualised })
      : record;
  };
  return {
    '1d': record(windows.oneDay, false),
    MTD: record(c.MTD, false),
    QTD: record(c.QTD, false),
    YTD: record(c.YTD, false),
    '1Y': record(c['1Y'], true),
    '3Y': record(c['3Y'], true),
    '5Y': record(c['5Y'], true),
    inception: record(c.inception, true),
  };
}
