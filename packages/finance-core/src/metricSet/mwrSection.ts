import { epochDayToIso } from '../dates/epochDayToIso.js';
import { xirr } from '../performance/xirr.js';
import { Reason } from '../result/undefinedValue.js';
import type { MetricSetInput } from './metricSetInput.js';
import type { AnchoredWindow, MetricSetWindows } from './metricSetWindows.js';
import type { MwrPeriod, MwrRecord, MwrUnavailable } from './metricSet.js';

/**
 * The `mwr_xirr` section for YTD, 1Y, 3Y and inception: XIRR (Actual/365F) of the
 * investor's flows −V(anchor) at the anchor, −CF for each external flow in
 * `(anchor, as_of]` and +V(as_of) at as-of, same-date amounts summed. V(anchor) is the
 * value of the last row on or before the anchor (the inception value at inception);
 * a missing value carries the previous one.
 */
export function mwrSection(
  input: MetricSetInput,
  windows: MetricSetWindows,
  asOfDay: number,
): Record<MwrPeriod, MwrRecord | MwrUnavailable> {
  const c = windows.calendar;
  const byAnchor = new Map<number, MwrRecord | MwrUnavailable>();
  const record = (w: AnchoredWindow): MwrRecord | MwrUnavailable => {
    const cached = byAnchor.get(w.anchor);
    if (cached !== undefined) return cached;
    const computed = mwrRecord(input, windows, w, asOfDay);
    byAnchor.set(w.anchor, computed);
    return computed;
  };
  return {
    YTD: record(c.YTD),
    '1Y': record(c['1Y']),
    '3Y': record(c['3Y']),
    inception: record(c.inception),
  };
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
  const cashFlows = days.map((d, i) => [epochDayToIso(d), amounts[i]!] as const);
  const result = xirr(days, amounts);
  const base = {
    anchor,
    anchor_value: anchorValue,
    end_value: endValue,
    days_act: asOfDay - w.anchor,
    cash_flows_investor_view: cashFlows,
  };
  if ('reason' in result)
    return Object.assign(base, { roots: result.roots, xirr: null, reason: result.reason });
  return Object.assign(base, {
    roots: result.roots,
    xirr: result.rate,
    period_rate: result.periodRate,
    npv_at_xirr: result.npv,
  });
}

/** Value at row `row` or the nearest earlier row with a value; the inception value before the first row. */
function valueAtOrBefore(input: MetricSetInput, firstRow: number, row: number): number {
  for (let i = row; i >= firstRow; i--) {
    const v = input.values[i]!;
    if (v === v) return v;
  }
  return input.inceptionValue;
}
