import { Inventory } from '../core/inventory.js';
import type { Directive } from '../core/types.js';

/**
 * Every account's inventory (lots with cost, date and label) after all transactions
 * dated on or before `date` (inclusive), Beancount's realization. Accounts whose
 * inventory is empty are left out; accounts are sorted by name.
 */
export function inventoriesAsOf(
  entries: readonly Directive[],
  date: string,
): Map<string, Inventory> {
  const balances = new Map<string, Inventory>();
  for (const e of entries) {
    if (e.type !== 'Transaction' || e.date > date) continue;
    for (const p of e.postings) {
      let inventory = balances.get(p.account);
      if (inventory === undefined) balances.set(p.account, (inventory = new Inventory()));
      inventory.add(p.units, p.cost);
    }
  }
  return sortedNonEmpty(balances);
}

/** The non-empty inventories, sorted by account name. */
export function sortedNonEmpty(balances: Map<string, Inventory>): Map<string, Inventory> {
  return new Map(
    [...balances.entries()]
      .filter(([, inventory]) => !inventory.isEmpty())
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
