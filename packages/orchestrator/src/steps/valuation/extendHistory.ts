import { epochDayToIso } from '@truth-spine/finance-core';
import {
  dailyReturn,
  foldRow,
  valueOnRow,
  type FoldCursor,
  type PortfolioHistory,
  type ValuationMarket,
} from './portfolioHistory.js';
import type { StoredReturnSeries } from './readReturnSeries.js';
import { RunningHoldings, type BookMovement } from './runningHoldings.js';

/**
 * The incremental path: the previous trading day's stored history extended by the last
 * calendar row. Holdings are folded through the previous row (exact, no valuation), then the
 * last row is folded and valued with the very functions the full path uses (`foldRow`,
 * `valueOnRow`, `dailyReturn`), so the result is bit-identical to `portfolioHistory` — on
 * the condition, checked by the caller, that the books up to the previous day are unchanged
 * (`booksFingerprint`). Returns null when `previous` does not cover exactly the calendar
 * rows `[firstRow, last)`, so the caller recomputes in full.
 */
export function extendHistory(
  previous: Omit<StoredReturnSeries, 'lineage'>,
  movements: readonly BookMovement[],
  market: ValuationMarket,
  firstRow: number,
): PortfolioHistory | null {
  const last = market.calendar.length - 1;
  const covered = market.calendar.subarray(firstRow, last);
  if (
    previous.epochDays.length !== covered.length ||
    covered.length === 0 ||
    previous.epochDays.some((day, i) => day !== covered[i])
  ) {
    return null;
  }
  const holdings = new RunningHoldings();
  const cursor: FoldCursor = { next: 0 };
  const previousDay = epochDayToIso(market.calendar[last - 1]!);
  while (cursor.next < movements.length && movements[cursor.next]!.tradeDate <= previousDay) {
    holdings.apply(movements[cursor.next++]!);
  }
  const flow = foldRow(holdings, movements, cursor, market, last);
  const value = valueOnRow(holdings, market, last);
  const n = covered.length + 1;
  const values = new Float64Array(n);
  values.set(previous.values);
  values[n - 1] = value;
  const externalFlows = new Float64Array(n);
  externalFlows.set(previous.externalFlows);
  externalFlows[n - 1] = flow;
  const returns = new Float64Array(n - 1);
  returns.set(previous.returns);
  returns[n - 2] = dailyReturn(previous.values[n - 2]!, value, flow);
  return {
    epochDays: market.calendar.subarray(firstRow),
    values,
    externalFlows,
    returns,
    holdings,
  };
}
