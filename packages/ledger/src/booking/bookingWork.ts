import { Decimal } from '../core/decimal.js';
import type { LedgerDiagnostic } from '../core/errors.js';
import type { Cost, Posting } from '../core/types.js';
import type { CostSpec, IncompletePosting, ParsedTransaction } from '../parser/parsedTypes.js';

/**
 * The working state of a posting while booking runs, shared by the booking stages
 * (categorise → reduce → interpolate): numbers may still be missing and cost still a spec;
 * `toPosting` turns a fully known one into a booked posting.
 */

export const MISSING = Symbol('missing');
export type Currency = string | null | typeof MISSING;

/** A posting while it is being booked: numbers may still be missing, cost still a spec. */
export interface Work {
  readonly index: number;
  readonly source: IncompletePosting;
  number: Decimal | null;
  currency: string | null;
  spec: CostSpec | null;
  cost: Cost | null;
  priceNumber: Decimal | null;
  priceCurrency: string | null;
  automatic: boolean;
}

/** Records a booking error of `txn` (at `line`, default the transaction's). */
export function fail(
  errors: LedgerDiagnostic[],
  txn: ParsedTransaction,
  type: LedgerDiagnostic['type'],
  message: string,
  line = txn.line,
): void {
  errors.push({ type, file: txn.file, line, message });
}

/** Per-unit cost a spec states: `per + total / |units|`, or null when not stated. */
export function specUnitCost(spec: CostSpec, units: Decimal): Decimal | null {
  if (spec.numberTotal !== null) {
    if (spec.numberPer === null) return null;
    const quantity = units.abs();
    return spec.numberTotal.add(spec.numberPer.mul(quantity)).div(quantity);
  }
  return spec.numberPer;
}

/** Converts a fully known working posting, turning a cost spec into a lot cost. */
export function toPosting(work: Work): Posting {
  const number = work.number ?? Decimal.ZERO;
  const currency = work.currency ?? '';
  let cost = work.cost;
  const spec = work.spec;
  if (cost === null && spec !== null && spec.currency !== null && spec.numberPer !== null) {
    cost = {
      number: specUnitCost(spec, number) ?? spec.numberPer,
      currency: spec.currency,
      date: spec.date ?? '',
      label: spec.label,
    };
  }
  const price =
    work.priceNumber !== null && work.priceCurrency !== null
      ? { number: work.priceNumber, currency: work.priceCurrency }
      : null;
  return {
    account: work.source.account,
    units: { number, currency },
    cost,
    price,
    flag: work.source.flag,
    meta: work.source.meta,
    automatic: work.automatic,
  };
}
