import type { Decimal } from './decimal.js';
import type { Amount, Cost } from './types.js';

/** Units of one commodity, optionally held at a cost (a lot). */
export interface Position {
  readonly units: Amount;
  readonly cost: Cost | null;
}

/** Identity of a lot: commodity plus the cost's value (scale-independent), date and label. */
function positionKey(currency: string, cost: Cost | null): string {
  if (cost === null) return currency;
  return `${currency}\u0000${cost.number.canonical()}\u0000${cost.currency}\u0000${cost.date}\u0000${cost.label ?? ''}`;
}

/**
 * Beancount's `Inventory`: positions keyed by commodity and cost, in insertion order.
 * Adding units to an existing key sums them; a position that reaches zero disappears.
 */
export class Inventory {
  private readonly positions = new Map<string, Position>();

  /** Adds `units` (at `cost`, if any) and returns the position it merged into, if any. */
  add(units: Amount, cost: Cost | null): void {
    const key = positionKey(units.currency, cost);
    const existing = this.positions.get(key);
    if (existing === undefined) {
      if (!units.number.isZero()) this.positions.set(key, { units, cost });
      return;
    }
    const number = existing.units.number.add(units.number);
    if (number.isZero()) this.positions.delete(key);
    else this.positions.set(key, { units: { number, currency: units.currency }, cost });
  }

  /** Adds every position of another inventory. */
  addInventory(other: Inventory): void {
    for (const p of other) this.add(p.units, p.cost);
  }

  [Symbol.iterator](): IterableIterator<Position> {
    return this.positions.values();
  }

  get size(): number {
    return this.positions.size;
  }

  isEmpty(): boolean {
    return this.positions.size === 0;
  }

  /** A copy that can change without touching this one. */
  clone(): Inventory {
    const copy = new Inventory();
    for (const [key, position] of this.positions) copy.positions.set(key, position);
    return copy;
  }

  /** Total units of `currency`, lots included (Beancount `get_currency_units`). */
  unitsOf(currency: string): Decimal | null {
    let total: Decimal | null = null;
    for (const p of this.positions.values()) {
      if (p.units.currency === currency)
        total = total === null ? p.units.number : total.add(p.units.number);
    }
    return total;
  }

  /**
   * True when adding `units` would reduce an existing position: same commodity held with
   * the opposite sign (Beancount `is_reduced_by`).
   */
  isReducedBy(units: Amount): boolean {
    const sign = units.number.sign();
    if (sign === 0) return false;
    for (const p of this.positions.values()) {
      if (p.units.currency === units.currency && p.units.number.sign() !== sign) return true;
    }
    return false;
  }

  /** `(5 HOOL {100.00 USD, 2020-01-10}, 3.00 USD)`, as Beancount prints inventories. */
  toString(): string {
    return `(${[...this.positions.values()].map(positionToString).join(', ')})`;
  }
}

/** A position at cost: units × cost per unit in the cost currency, else the units (Beancount `get_cost`). */
export function atCost(position: Position): Amount {
  const { units, cost } = position;
  return cost === null ? units : { number: units.number.mul(cost.number), currency: cost.currency };
}

/** `100.00 USD, 2020-01-10, "lot-a"` — Beancount's `cost_to_str` for a booked cost. */
export function costToString(cost: Cost): string {
  const parts = [`${cost.number.toString()} ${cost.currency}`, cost.date];
  if (cost.label !== null) parts.push(`"${cost.label}"`);
  return parts.join(', ');
}

/** `5 HOOL {100.00 USD, 2020-01-10}` or `3.00 USD`. */
export function positionToString(position: Position): string {
  const units = `${position.units.number.toString()} ${position.units.currency}`;
  return position.cost === null ? units : `${units} {${costToString(position.cost)}}`;
}
