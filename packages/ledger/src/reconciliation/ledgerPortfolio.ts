import Big from 'big.js';
import type { Directive } from '../core/types.js';
import type { LedgerMovement, LedgerPortfolio } from './types.js';

/**
 * Reads one portfolio's side from its Beancount ledger as of `asOf` (inclusive), by the
 * account conventions of docs/DATA-FORMATS.md#ledgers: `Assets:<ID>:Securities:<SYMBOL>` hold units of
 * the commodity SYMBOL, `Assets:<ID>:Cash:<CCY>` hold cash. Every transaction touching
 * those accounts becomes a {@link LedgerMovement} (used to name missing transactions).
 * The same as {@link ledgerPortfolioOf} of the {@link ledgerMovements} of every date.
 */
export function ledgerPortfolio(
  entries: readonly Directive[],
  portfolioId: string,
  asOf: string,
): LedgerPortfolio {
  return ledgerPortfolioOf(ledgerMovements(entries, portfolioId), portfolioId, asOf);
}

/**
 * Every transaction of `entries` touching the portfolio's securities or cash accounts, of
 * any date, in entry order, as a {@link LedgerMovement}: what {@link ledgerPortfolio} folds,
 * independent of the as-of date (so it can be kept and folded for any date later).
 */
export function ledgerMovements(
  entries: readonly Directive[],
  portfolioId: string,
): LedgerMovement[] {
  const securitiesPrefix = `Assets:${portfolioId}:Securities:`;
  const cashPrefix = `Assets:${portfolioId}:Cash:`;
  const movements: LedgerMovement[] = [];
  for (const e of entries) {
    if (e.type !== 'Transaction') continue;
    const movementCash = new Map<string, Big>();
    const movementUnits = new Map<string, Big>();
    for (const p of e.postings) {
      if (p.account.startsWith(cashPrefix))
        addTo(movementCash, p.units.currency, p.units.number.big);
      else if (p.account.startsWith(securitiesPrefix))
        addTo(movementUnits, p.units.currency, p.units.number.big);
    }
    if (movementCash.size === 0 && movementUnits.size === 0) continue;
    const converted = e.postings.some((p) => p.price !== null && p.cost === null);
    movements.push({
      date: e.date,
      file: e.file,
      line: e.line,
      narration: e.narration,
      cash: movementCash,
      units: movementUnits,
      converted,
    });
  }
  return movements;
}

/**
 * The ledger's side as of `asOf` (inclusive) from its movements (in entry order): positions
 * and cash = Σ of the movements dated ≤ `asOf`, and those movements, oldest first.
 */
export function ledgerPortfolioOf(
  movements: readonly LedgerMovement[],
  portfolioId: string,
  asOf: string,
): LedgerPortfolio {
  const positions = new Map<string, Big>();
  const cash = new Map<string, Big>();
  const kept: LedgerMovement[] = [];
  for (const m of movements) {
    if (m.date > asOf) continue;
    for (const [k, v] of m.cash) addTo(cash, k, v);
    for (const [k, v] of m.units) addTo(positions, k, v);
    kept.push(m);
  }
  return { portfolioId, positions, cash, movements: kept };
}

function addTo(map: Map<string, Big>, key: string, value: Big): void {
  map.set(key, (map.get(key) ?? new Big(0)).plus(value));
}
