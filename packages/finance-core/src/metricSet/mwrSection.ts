import { epochDayToIso } from '../dates/epochDayToIso.js';
import { xirr } from '../performance/xirr.js';
import { Reason } from '../result/undefinedValue.js';
import type { MetricSetInput } from './metricSetInput.js';
import type { AnchoredWindow, MetricSetWindows } from './metricSetWindows.js';
import type { MwrPeriod, MwrRecord, MwrUnavailable } from './metricSet.js';

/** The periods of the section, in output order. */
const MWR_PERIODS: readonly MwrPeriod[] = ['YTD', '1Y', '3Y', 'inception'];

/**
 * The `mwr_xirr` section for YTD, 1Y, 3Y and inception: XIRR (Actual/365F) of the
 * investor's flows −V(anchor) at the anchor, −CF for each external flow in
 * `(anchor, as_of]` and +V(as_of) at as-of, same-date amounts summed. V(anchor) is the
 * value of the last row on or before the anchor (the inception value at inception);
 * a missing value carries the previous one. Periods with the same anchor share one record.
 */
export function mwrSection(
  input: MetricSetInput,
  windows: MetricSetWindows,
  asOfDay: number,
): Record<MwrPeriod, MwrRecord | MwrUnavailable> {
  const c = windows.calendar;
  const section = {} as Record<MwrPeriod, MwrRecord | MwrUnavailable>;
  for (let p = 0; p < MWR_PERIODS.length; p++) {
    const period = MWR_PERIODS[p]!;
    const w = c[period];
    let record: MwrRecord | MwrUnavailable | undefined;
    for (let q = 0; q < p && record === undefined; q++) {
      if (c[MWR_PERIODS[q]!].anchor === w.anchor) record = section[MWR_PERIODS[q]!];
    }
    section[period] = record ?? mwrRecord(input, windows, w, asOfDay);
  }
  return section;
}

function mwrRecord(
  input: MetricSetInput,
  windows: MetricSetWindows,
  w: AnchoredWindow,
  asOfDay: number,
): MwrRecord | MwrUnavailable {
  const anchor = epochDayToIso(w.anchor);
  if (w.range === null) return { xirr: null, reason: Reason.insufficientHistory, anchor };
  const { start, end } = w.range;
  const anchorValue = valueAtOrBefore(input, windows.firstRow, start - 1);
  const endValue = valueAtOrBefore(input, windows.firstRow, windows.end - 1);
  const days = [w.anchor];
  const amounts = [-anchorValue];
  for (let i = start; i < end - 1; i++) {
    const flow = input.flows[i]!;
    if (flow !== 0 && flow === flow) {
      days.push(input.calendar[i]!);
      amounts.push(-flow);
    }
  }
  const lastFlow = end > start ? input.flows[end - 1]! : 0;
  days.push(asOfDay);
  amounts.push(endValue - (lastFlow === lastFlow ? lastFlow : 0));
  const cashFlows: (readonly [string, number])[] = [];
  for (let k = 0; k < days.length; k++) cashFlows.push([epochDayToIso(days[k]!), amounts[k]!]);
  const result = xirr(days, amounts);
  if ('reason' in result) {
    return {
      anchor,
      anchor_value: anchorValue,
      end_value: endValue,
      days_act: asOfDay - w.anchor,
      cash_flows_investor_view: cashFlows,
      roots: result.roots,
      xirr: null,
      reason: result.reason,
    };
  }
  return {
    anchor,
    anchor_value: anchorValue,
    end_value: endValue,
    days_act: asOfDay - w.anchor,
    cash_flows_investor_view: cashFlows,
    roots: result.roots,
    xirr: result.rate,
    period_rate: result.periodRate,
    npv_at_xirr: result.npv,
  };
}

/** Value at row `row` or the nearest earlier row with a value; the inception value before the first row. */
function valueAtOrBefore(input: MetricSetInput, firstRow: number, row: number): number {
  for (let i = row; i >= firstRow; i--) {
    const v = input.values[i]!;
    if (v === v) return v;
  }
  return input.inceptionValue;
}
