import { Inventory } from '../core/inventory.js';
import type { Directive } from '../core/types.js';

/**
 * Every account's inventory (lots with cost, date and label) after all transactions
 * dated on or before `date` (inclusive, like bean-query `FROM CLOSE ON date+1`).
 * Accounts whose inventory is empty are left out.
 */
export function balancesAsOf(entries: readonly Directive[], date: string): Map<string, Inventory> {
  const balances = new Map<string, Inventory>();
  for (const e of entries) {
    if (e.type !== 'Transaction' || e.date > date) continue;
    for (const p of e.postings) {
      let inventory = balances.get(p.account);
      if (inventory === undefined) balances.set(p.account, (inventory = new Inventory()));
      inventory.add(p.units, p.cost);
    }
  }
  for (const [account, inventory] of balances) if (inventory.isEmpty()) balances.delete(account);
  return new Map([...balances.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
