import Big from 'big.js';
import type { BooksMovement, PortfolioBooks } from '@truth-spine/ledger';
import { holdingsOnDate, type HoldingMovement } from '@truth-spine/books';

/** A books transaction with what reconciliation needs to name it. */
export interface BooksTransaction extends HoldingMovement {
  readonly externalId: string;
  readonly description: string;
}

/** A unit value source: price × FX to base for a symbol, FX to base for a currency; null = unknown. */
export interface Valuer {
  unitValue(symbol: string): Big | null;
  cashRate(currency: string): Big | null;
}

/**
 * The platform's side of reconciliation on `asOf` (docs/GLOSSARY.md): positions and cash from the
 * books ({@link holdingsOnDate}), the portfolio value Σ units × price × FX + Σ cash × FX in
 * the base currency (big.js; a holding the valuer cannot price contributes nothing — the
 * reconciliation reports it as `unknown_security`), and every movement up to D so a
 * break can name the transaction the ledger lacks.
 */
export function portfolioBooks(
  portfolioId: string,
  baseCurrency: string,
  transactions: readonly BooksTransaction[],
  asOf: string,
  valuer: Valuer,
): PortfolioBooks {
  const held = holdingsOnDate(transactions, asOf);
  let value = new Big(0);
  for (const [symbol, units] of held.positions) {
    const unit = valuer.unitValue(symbol);
    if (unit !== null) value = value.plus(units.times(unit));
  }
  for (const [currency, amount] of held.cash) {
    const rate = valuer.cashRate(currency);
    if (rate !== null) value = value.plus(amount.times(rate));
  }
  const movements: BooksMovement[] = transactions
    .filter((t) => t.tradeDate <= asOf)
    .map((t) => {
      const one = holdingsOnDate([t], asOf);
      return {
        externalId: t.externalId,
        date: t.tradeDate,
        description: t.description,
        cash: one.cash,
        units: one.positions,
      };
    });
  return {
    portfolioId,
    baseCurrency,
    positions: held.positions,
    cash: held.cash,
    portfolioValue: value,
    movements,
  };
}
