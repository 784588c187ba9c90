import { epochDayToIso } from '../dates/epochDayToIso.js';
import { firstRowAfter } from '../dates/firstRowAfter.js';
import type { RowRange } from '../dates/rowRange.js';
import { activeRisk } from '../benchmark/activeRisk.js';
import { capm } from '../benchmark/capm.js';
import { isUndefinedValue, Reason, type UndefinedValue } from '../result/undefinedValue.js';
import { dailyReturnsFromValues } from '../returns/dailyReturnsFromValues.js';
import { maxDrawdown } from '../risk/maxDrawdown.js';
import { sharpeRatio } from '../risk/sharpeRatio.js';
import { volatility } from '../risk/volatility.js';
import { countObservations } from '../statistics/countObservations.js';
import { winLossStats } from '../trading/winLossStats.js';
import { factorSections } from './factorSections.js';
import type {
  ActiveRecord,
  CapmRecord,
  DrawdownRecord,
  MetricSet,
  SharpeRecord,
  Unavailable,
  VolatilityRecord,
  WinLossRecord,
} from './metricSet.js';
import type { MetricSetInput } from './metricSetInput.js';
import { MetricSetInputError } from './metricSetInputError.js';
import { resolveMetricSetWindows } from './metricSetWindows.js';
import { mwrSection } from './mwrSection.js';
import { twrSection } from './twrSection.js';
import { windowFacts } from './windowFacts.js';

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
 * calendar row lies in `(inception, as_of]`.
 *
 * @example computeMetricSet(input, isoToEpochDay('2024-12-31')).twr['1Y']
 */
export function computeMetricSet(input: MetricSetInput, asOfDay: number): MetricSet {
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
  const r = input.returns;
  const valueReturns = dailyReturnsFromValues(input.values, input.flows, input.inceptionValue);
  const c = windows.calendar;
  const rows = windows.rows;

  const facts = (range: RowRange, series: readonly Float64Array[]) =>
    windowFacts(calendar, range, countObservations(series, range.start, range.end));
  const unavailable = (reason: string): Unavailable => ({ value: null, reason });
  const perWindow = <T>(
    range: RowRange | null,
    series: readonly Float64Array[],
    compute: (range: RowRange) => T | UndefinedValue,
  ): T | Unavailable => {
    if (range === null) return unavailable(Reason.insufficientHistory);
    const result = compute(range);
    return isUndefinedValue(result)
      ? { ...facts(range, series), value: null, reason: result.reason }
      : result;
  };

  const vol = (range: RowRange | null) =>
    perWindow<VolatilityRecord>(range, [r], (w) => {
      const v = volatility(r, w.start, w.end);
      if (isUndefinedValue(v)) return v;
      return { ...windowFacts(calendar, w, v.nObs), value: v.value, daily_std_ddof1: v.dailyStd };
    });
  const sharpe = (range: RowRange | null) =>
    perWindow<SharpeRecord>(range, [r, input.riskFree], (w) => {
      const s = sharpeRatio(r, input.riskFree, w.start, w.end);
      if (isUndefinedValue(s)) return s;
      return {
        ...windowFacts(calendar, w, s.nObs),
        mean_excess_daily: s.meanExcessDaily,
        std_excess_daily_ddof1: s.stdExcessDaily,
        value: s.value,
      };
    });
  const date = (row: number | null, anchor: number) =>
    row === null ? null : epochDayToIso(row < 0 ? anchor : calendar[row]!);
  const drawdown = (range: RowRange | null, anchor: number) =>
    perWindow<DrawdownRecord>(range, [r], (w) => {
      const d = maxDrawdown(r, w.start, w.end);
      if (isUndefinedValue(d)) return d;
      return {
        ...windowFacts(calendar, w, d.nObs),
        value: d.value,
        peak_date: date(d.peakRow, anchor),
        trough_date: date(d.troughRow, anchor),
        recovery_date: date(d.recoveryRow, anchor),
      };
    });
  const capmRecord = (range: RowRange | null) =>
    perWindow<CapmRecord>(range, [r, input.benchmark, input.riskFree], (w) => {
      const m = capm(r, input.benchmark, input.riskFree, w.start, w.end);
      if (isUndefinedValue(m)) return m;
      return {
        ...windowFacts(calendar, w, m.nObs),
        beta: m.beta,
        alpha_daily: m.alphaDaily,
        alpha_annual_arithmetic: m.alphaAnnualArithmetic,
        alpha_annual_geometric: m.alphaAnnualGeometric,
        ...nullable('r_squared', m.rSquared),
        alpha_daily_stderr: m.alphaDailyStderr,
        beta_stderr: m.betaStderr,
      };
    });
  const activeRecord = (range: RowRange | null) =>
    perWindow<ActiveRecord>(range, [r, input.benchmark], (w) => {
      const a = activeRisk(r, input.benchmark, w.start, w.end);
      if (isUndefinedValue(a)) return a;
      return {
        ...windowFacts(calendar, w, a.nObs),
        tracking_error: a.trackingError,
        ...nullable('information_ratio', a.informationRatio),
        mean_active_daily: a.meanActiveDaily,
      };
    });
  const winLoss = (range: RowRange | null) =>
    perWindow<WinLossRecord>(range, [r], (w) => {
      const s = winLossStats(r, w.start, w.end);
      if (isUndefinedValue(s)) return s;
      return {
        ...windowFacts(calendar, w, s.nObs),
        n_wins: s.nWins,
        n_losses: s.nLosses,
        n_zero: s.nZero,
        win_rate: s.winRate,
        ...nullable('avg_win', s.avgWin),
        ...nullable('avg_loss', s.avgLoss),
        ...nullable('payoff_ratio', s.payoffRatio),
      };
    });

  return {
    portfolio: input.portfolio,
    as_of: epochDayToIso(asOfDay),
    schema_version: 1,
    twr: twrSection(calendar, windows, asOfDay, r, valueReturns),
    mwr_xirr: mwrSection(input, windows, asOfDay),
    volatility: {
      '30d': vol(rows['30d']),
      '60d': vol(rows['60d']),
      '90d': vol(rows['90d']),
      '1Y': vol(c['1Y'].range),
    },
    sharpe: {
      '30d': sharpe(rows['30d']),
      '60d': sharpe(rows['60d']),
      '90d': sharpe(rows['90d']),
      '1Y': sharpe(c['1Y'].range),
    },
    max_drawdown: {
      '1Y': drawdown(c['1Y'].range, c['1Y'].anchor),
      '3Y': drawdown(c['3Y'].range, c['3Y'].anchor),
      inception: drawdown(c.inception.range, c.inception.anchor),
    },
    capm: { '1Y': capmRecord(c['1Y'].range), '3Y': capmRecord(c['3Y'].range) },
    active: { '1Y': activeRecord(c['1Y'].range) },
    win_loss: { '1Y': winLoss(c['1Y'].range), inception: winLoss(c.inception.range) },
    ...factorSections(input, windows),
  };
}

/** `{ key: value }`, or `{ key: null, key_reason: reason }` for an undefined value. */
function nullable<K extends string>(
  key: K,
  value: number | UndefinedValue,
): Record<K, number | null> & Partial<Record<`${K}_reason`, string>> {
  const entries =
    typeof value === 'number' ? { [key]: value } : { [key]: null, [`${key}_reason`]: value.reason };
  return entries as Record<K, number | null> & Partial<Record<`${K}_reason`, string>>;
}

function checkLengths(input: MetricSetInput): void {
  const n = input.calendar.length;
  const series: [string, Float64Array][] = [
    ['returns', input.returns],
    ['values', input.values],
    ['flows', input.flows],
    ['benchmark', input.benchmark],
    ['riskFree', input.riskFree],
    ...input.factors.map((f, i): [string, Float64Array] => [
      `factor ${input.factorNames[i] ?? i}`,
      f,
    ]),
  ];
  for (const [name, s] of series) {
    if (s.length !== n) {
      throw new MetricSetInputError(
        'length_mismatch',
        `${name} has ${s.length} rows but the calendar has ${n}; align every series on the calendar first`,
      );
    }
  }
  if (input.factorNames.length !== input.factors.length) {
    throw new MetricSetInputError(
      'length_mismatch',
      `${input.factors.length} factor series but ${input.factorNames.length} factor names`,
    );
  }
}
