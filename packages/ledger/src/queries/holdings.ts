import { Decimal } from '../core/decimal.js';
import type { Position } from '../core/inventory.js';
import type { Directive } from '../core/types.js';
import { inventoriesAsOf } from './inventoriesAsOf.js';
import type { PriceHistory } from './priceHistory.js';

/** A position held at cost in one account and commodity, valued on a date. */
export interface Holding {
  readonly account: string;
  readonly commodity: string;
  readonly units: Decimal;
  readonly costCurrency: string;
  /** Σ units × cost per unit over the lots. */
  readonly costTotal: Decimal;
  /** Latest price of the commodity in the cost currency dated ≤ the as-of date. */
  readonly price: Decimal | null;
  readonly priceDate: string | null;
  /** units × price, or null when there is no price (never a made-up value). */
  readonly marketValue: Decimal | null;
  readonly lots: readonly Position[];
}

/**
 * Holdings as of `date` (inclusive): for `Assets:` accounts, positions held at cost,
 * grouped by account and commodity, sorted by account then commodity, each with its
 * cost basis and its market value at the latest `price` dated on or before `date`.
 */
export function holdingsAsOf(
  entries: readonly Directive[],
  prices: PriceHistory,
  date: string,
): Holding[] {
  const holdings: Holding[] = [];
  for (const [account, inventory] of inventoriesAsOf(entries, date)) {
    if (!account.startsWith('Assets:')) continue;
    const byCommodity = new Map<string, Position[]>();
    for (const position of inventory) {
      if (position.cost === null) continue;
      const lots = byCommodity.get(position.units.currency);
      if (lots === undefined) byCommodity.set(position.units.currency, [position]);
      else lots.push(position);
    }
    for (const commodity of [...byCommodity.keys()].sort()) {
      const lots = byCommodity.get(commodity) as Position[];
      let units = Decimal.ZERO;
      let costTotal = Decimal.ZERO;
      for (const lot of lots) {
        units = units.add(lot.units.number);
        costTotal = costTotal.add(
          lot.units.number.mul((lot.cost as NonNullable<Position['cost']>).number),
        );
      }
      const costCurrency = (lots[0]?.cost as NonNullable<Position['cost']>).currency;
      const quote = prices.latest(commodity, costCurrency, date);
      holdings.push({
        account,
        commodity,
        units,
        costCurrency,
        costTotal,
        price: quote?.price ?? null,
        priceDate: quote?.date ?? null,
        marketValue: quote === null ? null : units.mul(quote.price),
        lots,
      });
    }
  }
  return holdings;
}
