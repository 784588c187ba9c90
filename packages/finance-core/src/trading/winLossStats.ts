import { Reason, undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';

/** Hit statistics of daily returns in one window. */
export interface WinLossStats {
  readonly nObs: number;
  readonly nWins: number;
  readonly nLosses: number;
  readonly nZero: number;
  /** #(r > 0) / #observations (zero days are observations but not wins). */
  readonly winRate: number;
  /** mean(r | r > 0); `null` with a reason when there is no winning day. */
  readonly avgWin: number | UndefinedValue;
  /** mean(r | r < 0) (negative); `null` with a reason when there is no losing day. */
  readonly avgLoss: number | UndefinedValue;
  /** avgWin / |avgLoss|; `null` when either is undefined. */
  readonly payoffRatio: number | UndefinedValue;
}

/**
 * Win rate, average win and loss and payoff ratio of the daily returns over rows
 * `[start, end)` (CONVENTIONS.md), NaN rows dropped. `null` with a reason when the window
 * has no observation.
 *
 * @example winLossStats(Float64Array.of(0.02, -0.01, 0, 0.04), 0, 4)
 *   // { nObs: 4, nWins: 2, nLosses: 1, nZero: 1, winRate: 0.5, avgWin: 0.03, avgLoss: -0.01, payoffRatio: 3 }
 */
export function winLossStats(
  returns: Float64Array,
  start: number,
  end: number,
): WinLossStats | UndefinedValue {
  let nWins = 0;
  let nLosses = 0;
  let nZero = 0;
  let sumWins = 0;
  let sumLosses = 0;
  for (let i = start; i < end; i++) {
    const r = returns[i]!;
    if (r > 0) {
      nWins++;
      sumWins += r;
    } else if (r < 0) {
      nLosses++;
      sumLosses += r;
    } else if (r === 0) {
      nZero++;
    }
  }
  const nObs = nWins + nLosses + nZero;
  if (nObs === 0) return undefinedValue(Reason.tooFewObservations);
  const avgWin = nWins > 0 ? sumWins / nWins : undefinedValue('no winning day');
  const avgLoss = nLosses > 0 ? sumLosses / nLosses : undefinedValue('no losing day');
  return {
    nObs,
    nWins,
    nLosses,
    nZero,
    winRate: nWins / nObs,
    avgWin,
    avgLoss,
    payoffRatio:
      typeof avgWin === 'number' && typeof avgLoss === 'number'
        ? avgWin / -avgLoss
        : undefinedValue('no winning or no losing day'),
  };
}
