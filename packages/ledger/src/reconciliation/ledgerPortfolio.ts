import Big from 'big.js';
import type { Directive } from '../core/types.js';
import type { LedgerMovement, LedgerPortfolio } from './types.js';

/**
 * Reads one portfolio's side from its Beancount ledger as of `asOf` (inclusive), by the
 * account conventions of docs/DATA-FORMATS.md#ledgers: `Assets:<ID>:Securities:<SYMBOL>` hold units of
 * the commodity SYMBOL, `Assets:<ID>:Cash:<CCY>` hold cash. Every transaction touching
 * those accounts becomes a {@link LedgerMovement} (used to name missing transactions).
 */
export function ledgerPortfolio(
  entries: readonly Directive[],
  portfolioId: string,
  asOf: string,
): LedgerPortfolio {
  const securitiesPrefix = `Assets:${portfolioId}:Securities:`;
  const cashPrefix = `Assets:${portfolioId}:Cash:`;
  const positions = new Map<string, Big>();
  const cash = new Map<string, Big>();
  const movements: LedgerMovement[] = [];
  for (const e of entries) {
    if (e.type !== 'Transaction' || e.date > asOf) continue;
    const movementCash = new Map<string, Big>();
    const movementUnits = new Map<string, Big>();
    for (const p of e.postings) {
      if (p.account.startsWith(cashPrefix))
        addTo(movementCash, p.units.currency, p.units.number.big);
      else if (p.account.startsWith(securitiesPrefix))
        addTo(movementUnits, p.units.currency, p.units.number.big);
    }
    if (movementCash.size === 0 && movementUnits.size === 0) continue;
    for (const [k, v] of movementCash) addTo(cash, k, v);
    for (const [k, v] of movementUnits) addTo(positions, k, v);
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
  return { portfolioId, positions, cash, movements };
}

function addTo(map: Map<string, Big>, key: string, value: Big): void {
  map.set(key, (map.get(key) ?? new Big(0)).plus(value));
}
