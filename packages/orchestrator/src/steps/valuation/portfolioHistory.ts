import { epochDayToIso } from '@truth-spine/finance-core';
import { RunningHoldings, type BookMovement } from './runningHoldings.js';

/** What valuing one portfolio on a calendar needs; every series is aligned on `calendar`. */
export interface ValuationMarket {
  /** Trading calendar rows, ascending epoch days, ending at D. */
  readonly calendar: Int32Array;
  /** Closes per symbol, carried forward; NaN before a symbol's first close. */
  readonly closes: ReadonlyMap<string, Float64Array>;
  /** Units of base currency per unit of each currency, carried forward. */
  readonly toBase: ReadonlyMap<string, Float64Array>;
  /** Each security's quote currency. */
  readonly securityCurrency: ReadonlyMap<string, string>;
}

/** A portfolio's daily history in base currency, one entry per calendar row it covers. */
export interface PortfolioHistory {
  readonly epochDays: Int32Array;
  /** End-of-day value; NaN when a held symbol or a currency has no price/rate yet. */
  readonly values: Float64Array;
  /** Deposits + withdrawals (signed) at that row's FX; flows of non-trading days land on the next row. */
  readonly externalFlows: Float64Array;
  /** n − 1 returns, returns[i] from row i to i + 1 (see {@link dailyReturn}). */
  readonly returns: Float64Array;
  /** The holdings after the last row, exact. */
  readonly holdings: RunningHoldings;
}

/** Where a fold over a portfolio's transactions stands. */
export interface FoldCursor {
  /** Index of the next transaction to apply. */
  next: number;
}

/**
 * Values a portfolio on calendar rows `[firstRow, end)`: holdings folded from its
 * transactions (ascending trade date) up to each row ({@link foldRow}), the row's value
 * ({@link valueOnRow}) and flow, and daily returns with end-of-day flows ({@link dailyReturn}).
 * Transactions before `firstRow`'s date are folded into the first row.
 */
export function portfolioHistory(
  movements: readonly BookMovement[],
  market: ValuationMarket,
  firstRow: number,
): PortfolioHistory {
  const n = market.calendar.length - firstRow;
  const values = new Float64Array(n);
  const flows = new Float64Array(n);
  const holdings = new RunningHoldings();
  const cursor: FoldCursor = { next: 0 };
  for (let i = 0; i < n; i++) {
    flows[i] = foldRow(holdings, movements, cursor, market, firstRow + i);
    values[i] = valueOnRow(holdings, market, firstRow + i);
  }
  const returns = new Float64Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) returns[i - 1] = dailyReturn(values[i - 1]!, values[i]!, flows[i]!);
  return {
    epochDays: market.calendar.subarray(firstRow),
    values,
    externalFlows: flows,
    returns,
    holdings,
  };
}

/**
 * Applies the transactions dated on or before calendar row `row` (from `cursor.next`) and
 * returns the row's external flow: Σ deposit/withdrawal amounts · fx(ccy → base) of that
 * row, added in transaction order — the same arithmetic whether a history is built in full
 * or extended by a day (so both give the same bits).
 */
export function foldRow(
  holdings: RunningHoldings,
  movements: readonly BookMovement[],
  cursor: FoldCursor,
  market: ValuationMarket,
  row: number,
): number {
  const day = epochDayToIso(market.calendar[row]!);
  let flow = 0;
  while (cursor.next < movements.length && movements[cursor.next]!.tradeDate <= day) {
    const movement = movements[cursor.next++]!;
    holdings.apply(movement);
    if (movement.type === 'deposit' || movement.type === 'withdrawal') {
      flow += Number(movement.amount) * series(market.toBase, movement.currency, 'FX')[row]!;
    }
  }
  return flow;
}

/** `(V_t − CF_t)/V_{t−1} − 1`, flows at the end of the day; NaN when V_{t−1} ≤ 0 or unknown. */
export function dailyReturn(previousValue: number, value: number, flow: number): number {
  if (!(previousValue > 0)) return Number.NaN;
  return (value - flow) / previousValue - 1;
}

/**
 * The float64 value of `holdings` on calendar row `row`: `Σ units · close · fx(sym ccy →
 * base) + Σ cash · fx(ccy → base)`, symbols then currencies in sorted order, so the same
 * holdings on the same row always give the same bits. Throws when a series is absent.
 */
export function valueOnRow(
  holdings: RunningHoldings,
  market: ValuationMarket,
  row: number,
): number {
  let total = 0;
  for (const symbol of holdings.sortedSymbols) {
    const units = holdings.unitsFloat.get(symbol)!;
    if (units === 0) continue;
    const currency = market.securityCurrency.get(symbol);
    if (currency === undefined)
      throw new Error(`security ${symbol} is not in the securities table`);
    total +=
      units *
      series(market.closes, symbol, 'close')[row]! *
      series(market.toBase, currency, 'FX')[row]!;
  }
  for (const currency of holdings.sortedCurrencies) {
    const cash = holdings.cashFloat.get(currency)!;
    if (cash !== 0) total += cash * series(market.toBase, currency, 'FX')[row]!;
  }
  return total;
}

function series(map: ReadonlyMap<string, Float64Array>, key: string, what: string): Float64Array {
  const found = map.get(key);
  if (found === undefined) throw new Error(`no ${what} history for ${key}`);
  return found;
}
