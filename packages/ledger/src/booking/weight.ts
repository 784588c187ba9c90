import type { Amount, Posting } from '../core/types.js';

/**
 * A posting's weight, the amount that must balance (Beancount `get_weight`):
 * units × cost per unit in the cost currency when held at cost, else units × price in
 * the price currency when priced, else the units themselves.
 */
export function postingWeight(posting: Posting): Amount {
  const { units, cost, price } = posting;
  if (cost !== null) return { number: units.number.mul(cost.number), currency: cost.currency };
  if (price !== null) return { number: units.number.mul(price.number), currency: price.currency };
  return units;
}
