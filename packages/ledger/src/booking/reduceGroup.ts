import type { LedgerDiagnostic } from '../core/errors.js';
import { Inventory, type Position } from '../core/inventory.js';
import type { Amount } from '../core/types.js';
import type { CostSpec, ParsedTransaction } from '../parser/parsedTypes.js';
import { bookReduction } from './bookingMethods.js';
import { describeCostSpec, describePostingRepr } from './describePosting.js';
import { fail, specUnitCost, type Work } from './bookingWork.js';
import type { BookingContext } from './bookTransaction.js';

/** Beancount `book_reductions`: reducing postings at cost become one posting per lot. */
export function reduceGroup(
  txn: ParsedTransaction,
  group: Work[],
  context: BookingContext,
  errors: LedgerDiagnostic[],
): Work[] | null {
  const out: Work[] = [];
  const local = new Map<string, Inventory>();
  for (const work of group) {
    const spec = work.spec;
    if (spec === null || work.number === null || work.currency === null) {
      out.push(work);
      continue;
    }
    const account = work.source.account;
    const method = context.bookingMethodOf(account);
    const units: Amount = { number: work.number, currency: work.currency };
    const held = local.get(account) ?? context.balances.get(account);
    if (method === 'NONE' || held === undefined || !held.isReducedBy(units)) {
      out.push({ ...work, spec: { ...spec, date: spec.date ?? txn.date } });
      continue;
    }
    // Reductions change this transaction's own copy of the account's lots.
    let balance = local.get(account);
    if (balance === undefined) local.set(account, (balance = held.clone()));
    const matches = matchingLots(balance, units, spec);
    if (matches.length === 0) {
      const repr = describePostingRepr(
        work.source,
        spec,
        units,
        work.priceNumber,
        work.priceCurrency,
      );
      fail(
        errors,
        txn,
        'ReductionError',
        `No position matches "${repr}" against balance ${balance.toString()}`,
      );
      return null;
    }
    const describe = () =>
      `${units.number.toString()} ${units.currency} {${describeCostSpec(spec)}}`;
    const result = bookReduction(method, units, matches, describe);
    if (!result.ok) {
      fail(errors, txn, 'AmbiguousMatchError', result.message);
      return null;
    }
    for (const r of result.reductions) {
      out.push({
        ...work,
        number: r.units.number,
        currency: r.units.currency,
        spec: null,
        cost: r.cost,
      });
      balance.add(r.units, r.cost);
    }
  }
  return out;
}

/** Lots of `units.currency` held at cost whose cost agrees with every part of the spec. */
function matchingLots(balance: Inventory, units: Amount, spec: CostSpec): Position[] {
  const costNumber = specUnitCost(spec, units.number);
  const matches: Position[] = [];
  for (const position of balance) {
    const cost = position.cost;
    if (position.units.currency !== units.currency || cost === null) continue;
    if (costNumber !== null && !cost.number.eq(costNumber)) continue;
    if (spec.currency !== null && cost.currency !== spec.currency) continue;
    if (spec.date !== null && cost.date !== spec.date) continue;
    if (spec.label !== null && cost.label !== spec.label) continue;
    matches.push(position);
  }
  return matches;
}
