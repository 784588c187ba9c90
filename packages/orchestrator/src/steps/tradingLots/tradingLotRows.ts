import {
  epochDayToIso,
  isoToEpochDay,
  isUndefinedValue,
  minusCalendarYears,
  winLossStats,
} from '@truth-spine/finance-core';
import type { ClosedLot } from '@truth-spine/ledger';
import type { MetricRow } from '../metricRows/flattenMetricRecords.js';
import { flattenMetricRecords } from '../metricRows/flattenMetricRecords.js';

/**
 * Trading statistics over lots closed in a period (finance-core docs/CONVENTIONS.md), from the ledger's realised
 * gains per lot (`realisedGains`) — named `trading_lots.<window>.<field>`, distinct from the
 * daily-return hit statistics `win_loss.*`. Each closed lot's return is gain / cost basis
 * (currency-free); finance-core's `winLossStats` gives win rate, average win, average loss
 * and payoff ratio over the lots closed in `(as_of − 1 calendar year, as_of]` (`1Y`) and
 * `(inception, as_of]` (`inception`); a window without a closed lot is null with a reason.
 */
export function tradingLotRows(
  lots: readonly ClosedLot[],
  asOf: string,
  inception: string,
): MetricRow[] {
  const asOfDay = isoToEpochDay(asOf);
  const windows: [string, string][] = [
    ['1Y', epochDayToIso(minusCalendarYears(asOfDay, 1))],
    ['inception', inception],
  ];
  const record: Record<string, unknown> = {};
  for (const [window, anchor] of windows) {
    const inWindow = lots.filter((lot) => lot.date > anchor && lot.date <= asOf);
    const returns = Float64Array.from(
      inWindow,
      (lot) => Number(lot.gain.toString()) / Number(lot.costBasis.toString()),
    );
    const stats = winLossStats(returns, 0, returns.length);
    record[window] = isUndefinedValue(stats)
      ? { value: null, reason: 'no lot closed in the period', anchor }
      : {
          anchor,
          basis: 'gain / cost basis per closed lot (ledger realised gains)',
          n_lots: stats.nObs,
          n_wins: stats.nWins,
          n_losses: stats.nLosses,
          win_rate: stats.winRate,
          ...numberOr('avg_win', stats.avgWin, 'no winning lot'),
          ...numberOr('avg_loss', stats.avgLoss, 'no losing lot'),
          ...numberOr('payoff_ratio', stats.payoffRatio, 'needs a winning and a losing lot'),
        };
  }
  return flattenMetricRecords('trading_lots', record);
}

/** `{ key: value }`, or `{ key: null, key_reason: reason }` when finance-core left it undefined. */
function numberOr(key: string, value: number | object, reason: string): Record<string, unknown> {
  return typeof value === 'number' ? { [key]: value } : { [key]: null, [`${key}_reason`]: reason };
}
