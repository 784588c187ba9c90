import Big from 'big.js';

/** A books transaction as the holdings fold needs it (decimals as strings). */
export interface HoldingMovement {
  readonly tradeDate: string;
  readonly type: string;
  readonly symbol: string | null;
  readonly quantity: string | null;
  readonly amount: string;
  readonly currency: string;
}

/** Units per symbol and cash per currency, exact. */
export interface Holdings {
  readonly positions: Map<string, Big>;
  readonly cash: Map<string, Big>;
}

/**
 * Folds a portfolio's books up to `asOf` (inclusive, by trade date): units move on
 * buy (+quantity), sell (−quantity; sell quantities are positive, docs/DATA-FORMATS.md#books) and
 * split (+quantity = shares added); cash moves by every row's signed `amount` in its
 * currency. Zero positions and zero cash balances are dropped.
 */
export function holdingsOnDate(movements: readonly HoldingMovement[], asOf: string): Holdings {
  const positions = new Map<string, Big>();
  const cash = new Map<string, Big>();
  for (const m of movements) {
    if (m.tradeDate > asOf) continue;
    addTo(cash, m.currency, new Big(m.amount));
    if (m.symbol === null || m.quantity === null) continue;
    const units = new Big(m.quantity);
    if (m.type === 'buy' || m.type === 'split') addTo(positions, m.symbol, units);
    else if (m.type === 'sell') addTo(positions, m.symbol, units.neg());
  }
  return { positions: withoutZeros(positions), cash: withoutZeros(cash) };
}

function addTo(map: Map<string, Big>, key: string, value: Big): void {
  map.set(key, (map.get(key) ?? new Big(0)).plus(value));
}

function withoutZeros(map: Map<string, Big>): Map<string, Big> {
  for (const [key, value] of map) if (value.eq(0)) map.delete(key);
  return map;
}
