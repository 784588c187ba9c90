import { atCost, Inventory } from '../core/inventory.js';
import type { Directive } from '../core/types.js';
import { inventoriesAsOf, sortedNonEmpty } from './inventoriesAsOf.js';

/** Where bean-query's `CLOSE` books what price conversions leave unbalanced. */
export const CONVERSIONS_ACCOUNT = 'Equity:Conversions:Current';

/**
 * Every account's balance at the end of `date`, exactly as bean-query's
 * `FROM CLOSE ON date+1`: the {@link inventoriesAsOf} plus Beancount's conversions
 * entry — the sum of all postings at cost (what `@` currency conversions leave over,
 * plus rounding residue) reversed into {@link CONVERSIONS_ACCOUNT}.
 */
export function balancesAsOf(entries: readonly Directive[], date: string): Map<string, Inventory> {
  const balances = inventoriesAsOf(entries, date);
  const total = new Inventory();
  for (const inventory of balances.values()) for (const p of inventory) total.add(atCost(p), null);
  if (total.isEmpty()) return balances;
  const conversions = balances.get(CONVERSIONS_ACCOUNT) ?? new Inventory();
  for (const p of total)
    conversions.add({ number: p.units.number.neg(), currency: p.units.currency }, null);
  balances.set(CONVERSIONS_ACCOUNT, conversions);
  return sortedNonEmpty(balances);
}
