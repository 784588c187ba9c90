import { epochDayToIso } from '../dates/epochDayToIso.js';
import type { RowRange } from '../dates/rowRange.js';
import { annualizedReturn } from '../performance/annualizedReturn.js';
import { isUndefinedValue, Reason } from '../result/undefinedValue.js';
import type { AnchoredWindow, MetricSetWindows } from './metricSetWindows.js';
import type { TwrPeriod, TwrRecord, Unavailable } from './metricSet.js';

/** The periods in output order, whether each is annualised, and the pairs walked together. */
const PERIODS: readonly TwrPeriod[] = ['1d', 'MTD', 'QTD', 'YTD', '1Y', '3Y', '5Y', 'inception'];
const ANNUALISED: ReadonlySet<TwrPeriod> = new Set(['1Y', '3Y', '5Y', 'inception']);
/** Longer window first; the shorter one normally lies at its end. */
const PAIRS: readonly (readonly [TwrPeriod, TwrPeriod])[] = [
  ['inception', '5Y'],
  ['3Y', '1Y'],
  ['YTD', 'QTD'],
  ['MTD', '1d'],
];

/**
 * The `twr` section: for 1D, MTD, QTD, YTD, 1Y, 3Y, 5Y and inception, the cumulative
 * time-weighted return ∏(1 + r) − 1 over `(anchor, as_of]`, Actual/365 annualised when
 * the period is a year or longer, and the same period recomputed from values and
 * end-of-day flows (`valueReturns`). A window without observations has R = 0 and `n_obs` 0.
 *
 * Windows are walked in pairs (inception with 5Y, 3Y with 1Y, YTD with QTD, MTD with 1D):
 * over the rows the two share, their four products advance together as independent chains
 * (NaN rows skipped), so the multiplier is not left waiting on one chain; each product
 * still takes the same factors in the same order as `cumulativeReturn`.
 */
export function twrSection(
  calendar: Int32Array,
  windows: MetricSetWindows,
  asOfDay: number,
  returns: Float64Array,
  valueReturns: Float64Array,
): Record<TwrPeriod, TwrRecord | Unavailable> {
  const totals = new Map<TwrPeriod, Float64Array>();
  for (const [long, short] of PAIRS) {
    const a = windowOf(windows, long).range;
    const b = windowOf(windows, short).range;
    const nested = a !== null && b !== null && b.end === a.end && b.start >= a.start;
    if (nested) {
      const [ta, tb] = pairProducts(returns, valueReturns, a, b);
      totals.set(long, ta).set(short, tb);
    } else {
      if (a !== null) totals.set(long, pairProducts(returns, valueReturns, a, null)[0]);
      if (b !== null) totals.set(short, pairProducts(returns, valueReturns, b, null)[0]);
    }
  }
  const section = {} as Record<TwrPeriod, TwrRecord | Unavailable>;
  for (const period of PERIODS) {
    const w = windowOf(windows, period);
    section[period] = twrRecord(calendar, asOfDay, w, ANNUALISED.has(period), totals.get(period));
  }
  return section;
}

function windowOf(windows: MetricSetWindows, period: TwrPeriod): AnchoredWindow {
  return period === '1d' ? windows.oneDay : windows.calendar[period];
}

/**
 * [∏(1 + r), ∏(1 + r_values), n_obs] of window `a` and of window `b` (at the end of `a`,
 * or null): rows of `a` before `b` starts advance `a` alone, the shared rows advance both.
 */
function pairProducts(
  returns: Float64Array,
  valueReturns: Float64Array,
  a: RowRange,
  b: RowRange | null,
): [Float64Array, Float64Array] {
  const end = a.end;
  const shared = b === null ? end : Math.max(b.start, a.start);
  let growthA = 1;
  let valueA = 1;
  let nA = 0;
  let i = a.start;
  for (; i < shared; i++) {
    const r = returns[i]!;
    const v = valueReturns[i]!;
    if (r === r) {
      growthA *= 1 + r;
      nA++;
    }
    if (v === v) valueA *= 1 + v;
  }
  let growthB = 1;
  let valueB = 1;
  let nB = 0;
  for (; i < end; i++) {
    const r = returns[i]!;
    const v = valueReturns[i]!;
    if (r === r) {
      growthA *= 1 + r;
      growthB *= 1 + r;
      nA++;
      nB++;
    }
    if (v === v) {
      valueA *= 1 + v;
      valueB *= 1 + v;
    }
  }
  return [Float64Array.of(growthA, valueA, nA), Float64Array.of(growthB, valueB, nB)];
}

function twrRecord(
  calendar: Int32Array,
  asOfDay: number,
  w: AnchoredWindow,
  annualise: boolean,
  totals: Float64Array | undefined,
): TwrRecord | Unavailable {
  const anchor = epochDayToIso(w.anchor);
  if (w.range === null || totals === undefined) {
    return { value: null, reason: Reason.insufficientHistory, anchor };
  }
  const { start, end } = w.range;
  const cumulative = totals[0]! - 1;
  const daysAct = asOfDay - w.anchor;
  const empty = end <= start;
  const record: { -readonly [K in keyof TwrRecord]: TwrRecord[K] } = {
    anchor,
    first_date: empty ? null : epochDayToIso(calendar[start]!),
    last_date: empty ? null : epochDayToIso(calendar[end - 1]!),
    n_rows: end - start,
    n_obs: totals[2]!,
    days_act: daysAct,
    cumulative,
    cumulative_from_values_eod_flows: totals[1]! - 1,
  };
  if (annualise) {
    const annualised = annualizedReturn(cumulative, daysAct);
    if (!isUndefinedValue(annualised)) record.annualized_act365 = annualised;
  }
  return record;
}
