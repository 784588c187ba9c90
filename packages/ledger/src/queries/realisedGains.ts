import type { Decimal } from '../core/decimal.js';
import type { Directive } from '../core/types.js';

/** One lot (or part of a lot) closed by a sale. */
export interface ClosedLot {
  readonly date: string;
  readonly account: string;
  readonly commodity: string;
  /** Units sold, positive. */
  readonly units: Decimal;
  readonly costNumber: Decimal;
  readonly costCurrency: string;
  readonly acquired: string;
  readonly label: string | null;
  /** units × cost per unit. */
  readonly costBasis: Decimal;
  /** units × sale price. */
  readonly proceeds: Decimal;
  /** proceeds − cost basis. */
  readonly gain: Decimal;
  readonly file: string;
  readonly line: number;
}

/**
 * Realised gain per closed lot: every posting that sells from a long lot held at cost
 * (negative units with a cost and an `@` price in the cost currency), in date order.
 * Gain = units × price − units × cost. Reductions without a price (stock splits,
 * transfers between accounts) realise nothing and are not listed. Feeds per-lot win
 * statistics.
 */
export function realisedGains(entries: readonly Directive[], through?: string): ClosedLot[] {
  const closed: ClosedLot[] = [];
  for (const e of entries) {
    if (e.type !== 'Transaction' || (through !== undefined && e.date > through)) continue;
    for (const p of e.postings) {
      const { cost, price } = p;
      if (cost === null || price === null || price.currency !== cost.currency) continue;
      if (p.units.number.sign() >= 0) continue;
      const units = p.units.number.neg();
      const costBasis = units.mul(cost.number);
      const proceeds = units.mul(price.number);
      closed.push({
        date: e.date,
        account: p.account,
        commodity: p.units.currency,
        units,
        costNumber: cost.number,
        costCurrency: cost.currency,
        acquired: cost.date,
        label: cost.label,
        costBasis,
        proceeds,
        gain: proceeds.sub(costBasis),
        file: e.file,
        line: e.line,
      });
    }
  }
  return closed;
}
