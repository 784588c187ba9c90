import Big from 'big.js';

/** A books transaction as valuation needs it (decimals as strings, docs/DATA-FORMATS.md#books). */
export interface BookMovement {
  readonly tradeDate: string;
  readonly type: string;
  readonly symbol: string | null;
  readonly quantity: string | null;
  readonly amount: string;
  readonly currency: string;
}

/**
 * A portfolio's units per symbol and cash per currency, folded transaction by transaction
 * in exact big.js: every row moves cash by its signed `amount` in its
 * currency on the trade date; buy and split add `quantity` units, sell removes them (sell
 * quantities are positive). Dividends in another currency arrive as a dividend row in that
 * currency plus an `fx` pair, which this fold needs no special case for. Float copies of
 * the balances (`unitsFloat`, `cashFloat`) are refreshed on every change for the daily
 * statistics history, and their keys kept sorted, so the hot per-day loop never touches
 * big.js and never sorts.
 */
export class RunningHoldings {
  readonly units = new Map<string, Big>();
  readonly cash = new Map<string, Big>();
  readonly unitsFloat = new Map<string, number>();
  readonly cashFloat = new Map<string, number>();
  /** Keys of `unitsFloat` / `cashFloat` in sorted order (kept sorted as keys appear). */
  readonly sortedSymbols: string[] = [];
  readonly sortedCurrencies: string[] = [];

  /** Applies one transaction. */
  apply(movement: BookMovement): void {
    add(
      this.cash,
      this.cashFloat,
      this.sortedCurrencies,
      movement.currency,
      new Big(movement.amount),
    );
    if (movement.symbol === null || movement.quantity === null) return;
    const quantity = new Big(movement.quantity);
    if (movement.type === 'buy' || movement.type === 'split') {
      add(this.units, this.unitsFloat, this.sortedSymbols, movement.symbol, quantity);
    } else if (movement.type === 'sell') {
      add(this.units, this.unitsFloat, this.sortedSymbols, movement.symbol, quantity.neg());
    }
  }
}

function add(
  exact: Map<string, Big>,
  float: Map<string, number>,
  sorted: string[],
  key: string,
  delta: Big,
): void {
  if (!exact.has(key)) {
    sorted.push(key);
    sorted.sort();
  }
  const next = (exact.get(key) ?? new Big(0)).plus(delta);
  exact.set(key, next);
  float.set(key, next.toNumber());
}
