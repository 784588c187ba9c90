import { epochDayToIso } from '../dates/epochDayToIso.js';
import type { RowRange } from '../dates/rowRange.js';
import { annualizedReturn } from '../performance/annualizedReturn.js';
import { isUndefinedValue, Reason } from '../result/undefinedValue.js';
import type { MetricSetInput } from './metricSetInput.js';
import type { AnchoredWindow, MetricSetWindows } from './metricSetWindows.js';
import type { TwrPeriod, TwrRecord, Unavailable } from './metricSet.js';

/** The periods of the section, in output order, and whether each is annualised. */
const PERIODS: readonly (readonly [TwrPeriod, boolean])[] = [
  ['1d', false],
  ['MTD', false],
  ['QTD', false],
  ['YTD', false],
  ['1Y', true],
  ['3Y', true],
  ['5Y', true],
  ['inception', true],
];

/**
 * The `twr` section: for 1D, MTD, QTD, YTD, 1Y, 3Y, 5Y and inception, the cumulative
 * time-weighted return ∏(1 + r) − 1 over `(anchor, as_of]`, Actual/365 annualised when
 * the period is a year or longer, and the same period recomputed from values and
 * end-of-day flows (r_t = (V_t − CF_t) / V_{t−1} − 1, V_{−1} = the inception value, a
 * missing value carrying the previous one, as `dailyReturnsFromValues`). A window without
 * observations has R = 0 and `n_obs` 0.
 *
 * All windows end at the as-of row, so one pass over the rows from the earliest start
 * serves them all: each row's value-based return is formed once (no series is allocated)
 * and multiplied into every window that has begun — each window's products still run over
 * its rows in order, exactly as `cumulativeReturn` would form them.
 */
export function twrSection(
  input: MetricSetInput,
  windows: MetricSetWindows,
  asOfDay: number,
): Record<TwrPeriod, TwrRecord | Unavailable> {
  const ranges = PERIODS.map(([period]) => rangeOf(windows, period));
  const totals = windowProducts(input, ranges, windows.end);
  const section = {} as Record<TwrPeriod, TwrRecord | Unavailable>;
  for (let w = 0; w < PERIODS.length; w++) {
    const [period, annualise] = PERIODS[w]!;
    const window = period === '1d' ? windows.oneDay : windows.calendar[period];
    section[period] = twrRecord(input.calendar, asOfDay, window, annualise, totals, w);
  }
  return section;
}

function rangeOf(windows: MetricSetWindows, period: TwrPeriod): RowRange | null {
  return period === '1d' ? windows.oneDay.range : windows.calendar[period].range;
}

/** ∏(1 + r), ∏(1 + r_values) and the observation count of each window. */
interface WindowProducts {
  readonly growth: Float64Array;
  readonly valueGrowth: Float64Array;
  readonly nObs: Int32Array;
}

/** The products of every window (all ending at `end`) in one pass over the rows. */
function windowProducts(
  input: MetricSetInput,
  ranges: readonly (RowRange | null)[],
  end: number,
): WindowProducts {
  const count = ranges.length;
  const growth = new Float64Array(count).fill(1);
  const valueGrowth = new Float64Array(count).fill(1);
  const nObs = new Int32Array(count);
  // Windows by ascending start; a window joins the pass when the row reaches its start.
  const order: number[] = [];
  for (let w = 0; w < count; w++) {
    const range = ranges[w];
    if (range === null || range === undefined || range.start >= range.end) continue;
    if (range.end !== end) throw new Error('twrSection: every window must end at the as-of row');
    let at = order.length;
    while (at > 0 && ranges[order[at - 1]!]!.start > range.start) at--;
    order.splice(at, 0, w);
  }
  const { values, flows, returns } = input;
  let previous = input.inceptionValue;
  let i = 0;
  const firstStart = order.length === 0 ? end : ranges[order[0]!]!.start;
  for (; i < firstStart; i++) {
    const v = values[i]!;
    previous = v === v ? v : previous;
  }
  for (let joined = 1; joined <= order.length; joined++) {
    const segmentEnd = joined < order.length ? ranges[order[joined]!]!.start : end;
    for (; i < segmentEnd; i++) {
      const v = values[i]!;
      const value = v === v ? v : previous;
      const rv = previous > 0 ? (value - flows[i]!) / previous - 1 : Number.NaN;
      previous = value;
      const r = returns[i]!;
      for (let a = 0; a < joined; a++) {
        const w = order[a]!;
        if (r === r) {
          growth[w] = growth[w]! * (1 + r);
          nObs[w] = nObs[w]! + 1;
        }
        if (rv === rv) valueGrowth[w] = valueGrowth[w]! * (1 + rv);
      }
    }
  }
  return { growth, valueGrowth, nObs };
}

function twrRecord(
  calendar: Int32Array,
  asOfDay: number,
  w: AnchoredWindow,
  annualise: boolean,
  totals: WindowProducts,
  at: number,
): TwrRecord | Unavailable {
  const anchor = epochDayToIso(w.anchor);
  if (w.range === null) return { value: null, reason: Reason.insufficientHistory, anchor };
  const { start, end } = w.range;
  const cumulative = totals.growth[at]! - 1;
  const daysAct = asOfDay - w.anchor;
  const empty = end <= start;
  const record: { -readonly [K in keyof TwrRecord]: TwrRecord[K] } = {
    anchor,
    first_date: empty ? null : epochDayToIso(calendar[start]!),
    last_date: empty ? null : epochDayToIso(calendar[end - 1]!),
    n_rows: end - start,
    n_obs: totals.nObs[at]!,
    days_act: daysAct,
    cumulative,
    cumulative_from_values_eod_flows: totals.valueGrowth[at]! - 1,
  };
  if (annualise) {
    const annualised = annualizedReturn(cumulative, daysAct);
    if (!isUndefinedValue(annualised)) record.annualized_act365 = annualised;
  }
  return record;
}
