import type { LedgerDiagnostic } from '../core/errors.js';
import { Inventory } from '../core/inventory.js';
import type { BookingMethod, Posting } from '../core/types.js';
import type { LedgerOptions } from '../parser/options.js';
import type { ParsedTransaction } from '../parser/parsedTypes.js';
import { categorise } from './categoriseByCurrency.js';
import { interpolateGroup } from './interpolateGroup.js';
import { reduceGroup } from './reduceGroup.js';

/** What booking needs to know besides the transaction. */
export interface BookingContext {
  readonly options: LedgerOptions;
  /**
   * Running inventories of the tracked accounts, from every transaction booked so far.
   * Booking reads them only for postings at cost and for postings without a currency, so
   * only accounts that have such postings need tracking.
   */
  readonly balances: Map<string, Inventory>;
  /** Whether the account's running inventory is kept in `balances`. */
  isTracked(account: string): boolean;
  /** The booking method of an account (its `open`, else the ledger default). */
  bookingMethodOf(account: string): BookingMethod;
}

/**
 * Booking outcome. `dropped` mirrors Beancount dropping an entry it cannot categorise;
 * otherwise the transaction is kept without the postings of any currency group whose
 * booking or interpolation failed.
 */
export interface BookingOutcome {
  readonly dropped: boolean;
  readonly postings: Posting[];
  readonly errors: LedgerDiagnostic[];
}
/**
 * Books one transaction the way Beancount 2.3.5's `booking_full` does: postings are
 * grouped by the currency their weight is in (cost, else price, else units currency;
 * groups ordered by first appearance, an elided posting copied into every group);
 * reducing postings held at cost are matched against the account's lots with its
 * booking method; then one missing number per group is interpolated (an elided amount
 * becomes minus the group's residual, rounded to twice the inferred tolerance).
 */
export function bookTransaction(txn: ParsedTransaction, context: BookingContext): BookingOutcome {
  const errors: LedgerDiagnostic[] = [];
  const groups = categorise(txn, context, errors);
  if (errors.length > 0) return { dropped: true, postings: [], errors };

  const booked: Posting[] = [];
  for (const [currency, group] of groups) {
    // A group that cannot be booked contributes no postings; the others still do.
    const reduced = reduceGroup(txn, group, context, errors);
    if (reduced === null) continue;
    for (const p of interpolateGroup(txn, currency, reduced, context.options, errors))
      booked.push(p);
  }
  for (const p of booked) {
    if (!context.isTracked(p.account)) continue;
    let inventory = context.balances.get(p.account);
    if (inventory === undefined) context.balances.set(p.account, (inventory = new Inventory()));
    inventory.add(p.units, p.cost);
  }
  return { dropped: false, postings: booked, errors };
}
