import { activeRisk } from '../benchmark/activeRisk.js';
import { capm } from '../benchmark/capm.js';
import { epochDayToIso } from '../dates/epochDayToIso.js';
import type { RowRange } from '../dates/rowRange.js';
import { isUndefinedValue, Reason, type UndefinedValue } from '../result/undefinedValue.js';
import { maxDrawdown } from '../risk/maxDrawdown.js';
import { sharpeRatio } from '../risk/sharpeRatio.js';
import { volatility } from '../risk/volatility.js';
import { countObservations } from '../statistics/countObservations.js';
import { winLossStats } from '../trading/winLossStats.js';
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
import type { MetricSetWindows } from './metricSetWindows.js';
import { windowFacts } from './windowFacts.js';

type RiskSections = Pick<
  MetricSet,
  'volatility' | 'sharpe' | 'max_drawdown' | 'capm' | 'active' | 'win_loss'
>;

/**
 * The risk sections of the metric set on the shared windows: volatility and Sharpe over
 * 30/60/90 rows and 1Y, max drawdown 1Y/3Y/inception, CAPM 1Y/3Y, tracking error and
 * information ratio 1Y, win/loss 1Y and inception. A missing window is "insufficient
 * history"; a statistic undefined inside its window keeps the window facts beside
 * `value: null` and the reason.
 */
export function riskSections(input: MetricSetInput, windows: MetricSetWindows): RiskSections {
  const c = windows.calendar;
  const rows = windows.rows;
  const y1 = c['1Y'].range;
  return {
    volatility: {
      '30d': volatilityRecord(input, rows['30d']),
      '60d': volatilityRecord(input, rows['60d']),
      '90d': volatilityRecord(input, rows['90d']),
      '1Y': volatilityRecord(input, y1),
    },
    sharpe: {
      '30d': sharpeRecord(input, rows['30d']),
      '60d': sharpeRecord(input, rows['60d']),
      '90d': sharpeRecord(input, rows['90d']),
      '1Y': sharpeRecord(input, y1),
    },
    max_drawdown: {
      '1Y': drawdownRecord(input, y1, c['1Y'].anchor),
      '3Y': drawdownRecord(input, c['3Y'].range, c['3Y'].anchor),
      inception: drawdownRecord(input, c.inception.range, c.inception.anchor),
    },
    capm: { '1Y': capmRecord(input, y1), '3Y': capmRecord(input, c['3Y'].range) },
    active: { '1Y': activeRecord(input, y1) },
    win_loss: {
      '1Y': winLossRecord(input, y1),
      inception: winLossRecord(input, c.inception.range),
    },
  };
}

const INSUFFICIENT_HISTORY: Unavailable = { value: null, reason: Reason.insufficientHistory };

/** A window whose statistic is undefined: its facts, `value: null` and the reason. */
function undefinedRecord(
  input: MetricSetInput,
  range: RowRange,
  series: readonly Float64Array[],
  reason: string,
): Unavailable {
  const facts = windowFacts(
    input.calendar,
    range,
    countObservations(series, range.start, range.end),
  );
  return Object.assign(facts, { value: null, reason } as const);
}

// The records below are written as literals with the facts first (first_date, last_date,
// n_rows, n_obs) and optional `<key>_reason` fields appended last: the key order of the
// reference layout, at a fraction of the cost of merging objects.

function volatilityRecord(
  input: MetricSetInput,
  range: RowRange | null,
): VolatilityRecord | Unavailable {
  if (range === null) return INSUFFICIENT_HISTORY;
  const v = volatility(input.returns, range.start, range.end);
  if (isUndefinedValue(v)) return undefinedRecord(input, range, [input.returns], v.reason);
  const { calendar } = input;
  return {
    first_date: firstDate(calendar, range),
    last_date: lastDate(calendar, range),
    n_rows: range.end - range.start,
    n_obs: v.nObs,
    value: v.value,
    daily_std_ddof1: v.dailyStd,
  };
}

function sharpeRecord(input: MetricSetInput, range: RowRange | null): SharpeRecord | Unavailable {
  if (range === null) return INSUFFICIENT_HISTORY;
  const s = sharpeRatio(input.returns, input.riskFree, range.start, range.end);
  if (isUndefinedValue(s)) {
    return undefinedRecord(input, range, [input.returns, input.riskFree], s.reason);
  }
  const { calendar } = input;
  return {
    first_date: firstDate(calendar, range),
    last_date: lastDate(calendar, range),
    n_rows: range.end - range.start,
    n_obs: s.nObs,
    mean_excess_daily: s.meanExcessDaily,
    std_excess_daily_ddof1: s.stdExcessDaily,
    value: s.value,
  };
}

function drawdownRecord(
  input: MetricSetInput,
  range: RowRange | null,
  anchor: number,
): DrawdownRecord | Unavailable {
  if (range === null) return INSUFFICIENT_HISTORY;
  const d = maxDrawdown(input.returns, range.start, range.end);
  if (isUndefinedValue(d)) return undefinedRecord(input, range, [input.returns], d.reason);
  const { calendar } = input;
  return {
    first_date: firstDate(calendar, range),
    last_date: lastDate(calendar, range),
    n_rows: range.end - range.start,
    n_obs: d.nObs,
    value: d.value,
    peak_date: rowDate(calendar, anchor, d.peakRow),
    trough_date: rowDate(calendar, anchor, d.troughRow),
    recovery_date: rowDate(calendar, anchor, d.recoveryRow),
  };
}

/** The date of a drawdown row: −1 is the anchor itself, null stays null. */
function rowDate(calendar: Int32Array, anchor: number, row: number | null): string | null {
  return row === null ? null : epochDayToIso(row < 0 ? anchor : calendar[row]!);
}

function capmRecord(input: MetricSetInput, range: RowRange | null): CapmRecord | Unavailable {
  if (range === null) return INSUFFICIENT_HISTORY;
  const m = capm(input.returns, input.benchmark, input.riskFree, range.start, range.end);
  if (isUndefinedValue(m)) {
    return undefinedRecord(
      input,
      range,
      [input.returns, input.benchmark, input.riskFree],
      m.reason,
    );
  }
  const { calendar } = input;
  const record: Mutable<CapmRecord> = {
    first_date: firstDate(calendar, range),
    last_date: lastDate(calendar, range),
    n_rows: range.end - range.start,
    n_obs: m.nObs,
    beta: m.beta,
    alpha_daily: m.alphaDaily,
    alpha_annual_arithmetic: m.alphaAnnualArithmetic,
    alpha_annual_geometric: m.alphaAnnualGeometric,
    r_squared: valueOrNull(m.rSquared),
    alpha_daily_stderr: m.alphaDailyStderr,
    beta_stderr: m.betaStderr,
  };
  if (typeof m.rSquared !== 'number') record.r_squared_reason = m.rSquared.reason;
  return record;
}

function activeRecord(input: MetricSetInput, range: RowRange | null): ActiveRecord | Unavailable {
  if (range === null) return INSUFFICIENT_HISTORY;
  const a = activeRisk(input.returns, input.benchmark, range.start, range.end);
  if (isUndefinedValue(a)) {
    return undefinedRecord(input, range, [input.returns, input.benchmark], a.reason);
  }
  const { calendar } = input;
  const record: Mutable<ActiveRecord> = {
    first_date: firstDate(calendar, range),
    last_date: lastDate(calendar, range),
    n_rows: range.end - range.start,
    n_obs: a.nObs,
    tracking_error: a.trackingError,
    information_ratio: valueOrNull(a.informationRatio),
    mean_active_daily: a.meanActiveDaily,
  };
  if (typeof a.informationRatio !== 'number') {
    record.information_ratio_reason = a.informationRatio.reason;
  }
  return record;
}

function winLossRecord(input: MetricSetInput, range: RowRange | null): WinLossRecord | Unavailable {
  if (range === null) return INSUFFICIENT_HISTORY;
  const s = winLossStats(input.returns, range.start, range.end);
  if (isUndefinedValue(s)) return undefinedRecord(input, range, [input.returns], s.reason);
  const { calendar } = input;
  const record: Mutable<WinLossRecord> = {
    first_date: firstDate(calendar, range),
    last_date: lastDate(calendar, range),
    n_rows: range.end - range.start,
    n_obs: s.nObs,
    n_wins: s.nWins,
    n_losses: s.nLosses,
    n_zero: s.nZero,
    win_rate: s.winRate,
    avg_win: valueOrNull(s.avgWin),
    avg_loss: valueOrNull(s.avgLoss),
    payoff_ratio: valueOrNull(s.payoffRatio),
  };
  if (typeof s.avgWin !== 'number') record.avg_win_reason = s.avgWin.reason;
  if (typeof s.avgLoss !== 'number') record.avg_loss_reason = s.avgLoss.reason;
  if (typeof s.payoffRatio !== 'number') record.payoff_ratio_reason = s.payoffRatio.reason;
  return record;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The window's first calendar date (null when the window is empty). */
function firstDate(calendar: Int32Array, range: RowRange): string | null {
  return range.end <= range.start ? null : epochDayToIso(calendar[range.start]!);
}

/** The window's last calendar date (null when the window is empty). */
function lastDate(calendar: Int32Array, range: RowRange): string | null {
  return range.end <= range.start ? null : epochDayToIso(calendar[range.end - 1]!);
}

function valueOrNull(x: number | UndefinedValue): number | null {
  return typeof x === 'number' ? x : null;
}
