import type { LedgerDiagnostic } from '../core/errors.js';
import { Inventory } from '../core/inventory.js';
import type { IncompletePosting, ParsedTransaction } from '../parser/parsedTypes.js';
import { fail, MISSING, type Currency, type Work } from './bookingWork.js';
import type { BookingContext } from './bookTransaction.js';

/** Beancount `categorize_by_currency`: postings grouped by weight currency, in order. */
export function categorise(
  txn: ParsedTransaction,
  context: BookingContext,
  errors: LedgerDiagnostic[],
): Map<string, Work[]> {
  const groups = new Map<string, Work[]>();
  const unknown: { work: Work; units: Currency; cost: Currency; price: Currency }[] = [];
  const autos: Work[] = [];
  for (let index = 0; index < txn.postings.length; index++) {
    const source = txn.postings[index] as IncompletePosting;
    const work = toWork(source, index);
    let cost: Currency = source.cost === null ? null : (source.cost.currency ?? MISSING);
    let price: Currency = source.price === null ? null : (source.price.currency ?? MISSING);
    if (cost === MISSING && typeof price === 'string') cost = price;
    if (price === MISSING && typeof cost === 'string') price = cost;
    const units: Currency = source.currency ?? (source.number === null ? null : MISSING);
    if (source.number === null && source.currency === null && price === null) {
      autos.push(work);
      continue;
    }
    const bucket = bucketCurrency(units, cost, price);
    if (bucket === null) unknown.push({ work, units, cost, price });
    else addToGroup(groups, bucket, fill(work, units, cost, price));
  }
  const lone = unknown.length === 1 && groups.size === 1 ? unknown.pop() : undefined;
  if (lone !== undefined) {
    const other = [...groups.keys()][0] as string;
    let { units, cost, price } = lone;
    if (price === null && cost === null) units = other;
    else {
      if (price === MISSING) price = other;
      if (cost === MISSING) cost = other;
    }
    addToGroup(
      groups,
      bucketCurrency(units, cost, price) as string,
      fill(lone.work, units, cost, price),
    );
  }
  for (const item of unknown) {
    let { units, cost, price } = item;
    const balance = context.balances.get(item.work.source.account) ?? new Inventory();
    if (units === MISSING)
      units = single(new Set([...balance].map((p) => p.units.currency))) ?? MISSING;
    if (cost === MISSING || price === MISSING) {
      const costCurrencies = new Set(
        [...balance].flatMap((p) => (p.cost ? [p.cost.currency] : [])),
      );
      const only = single(costCurrencies);
      if (only !== null) {
        if (price === MISSING) price = only;
        if (cost === MISSING) cost = only;
      }
    }
    const bucket = bucketCurrency(units, cost, price);
    if (bucket === null) {
      const message = `Failed to categorize posting ${item.work.index + 1}`;
      fail(errors, txn, 'CategorizationError', message, item.work.source.line);
    } else addToGroup(groups, bucket, fill(item.work, units, cost, price));
  }
  // Units currencies still unknown in a group come from the account's only currency.
  for (const group of groups.values()) {
    for (const work of group) {
      if (work.number === null || work.currency !== null) continue;
      const balance = context.balances.get(work.source.account);
      if (balance !== undefined)
        work.currency = single(new Set([...balance].map((p) => p.units.currency)));
    }
  }
  const lastAuto = autos[autos.length - 1];
  if (autos.length > 1 && lastAuto !== undefined) {
    const message = 'You may not have more than one auto-posting per currency';
    fail(errors, txn, 'CategorizationError', message, lastAuto.source.line);
  }
  const auto = autos[0];
  for (const [currency, group] of groups) {
    if (auto !== undefined) group.push({ ...auto, currency });
    for (const work of group) reportUnresolved(errors, txn, work);
    // Beancount lists each group's postings in their written order.
    group.sort((a, b) => a.index - b.index);
  }
  return groups;
}

/** Beancount's "Could not resolve … currency" for parts whose currency stayed unknown. */
function reportUnresolved(errors: LedgerDiagnostic[], txn: ParsedTransaction, work: Work): void {
  const line = work.source.line;
  if (work.number !== null && work.currency === null) {
    fail(errors, txn, 'CategorizationError', 'Could not resolve units currency', line);
  }
  if (work.spec !== null && work.spec.currency === null) {
    fail(errors, txn, 'CategorizationError', 'Could not resolve cost currency', line);
  }
  if (work.source.price !== null && work.priceCurrency === null) {
    fail(errors, txn, 'CategorizationError', 'Could not resolve price currency', line);
  }
}

function toWork(source: IncompletePosting, index: number): Work {
  let priceNumber = source.price?.number ?? null;
  if (
    source.price?.isTotal &&
    priceNumber !== null &&
    source.number !== null &&
    !source.number.isZero()
  ) {
    priceNumber = priceNumber.div(source.number.abs());
  }
  return {
    index,
    source,
    number: source.number,
    currency: source.currency,
    spec: source.cost,
    cost: null,
    priceNumber,
    priceCurrency: source.price?.currency ?? null,
    automatic: false,
  };
}

function fill(work: Work, units: Currency, cost: Currency, price: Currency): Work {
  if (typeof units === 'string') work.currency = units;
  if (typeof cost === 'string' && work.spec !== null) work.spec = { ...work.spec, currency: cost };
  if (typeof price === 'string' && work.source.price !== null) work.priceCurrency = price;
  return work;
}

function bucketCurrency(units: Currency, cost: Currency, price: Currency): string | null {
  if (typeof cost === 'string') return cost;
  if (typeof price === 'string') return price;
  if (cost === null && price === null && typeof units === 'string') return units;
  return null;
}

function addToGroup(groups: Map<string, Work[]>, currency: string, work: Work): void {
  const group = groups.get(currency);
  if (group === undefined) groups.set(currency, [work]);
  else group.push(work);
}

function single(values: Set<string>): string | null {
  return values.size === 1 ? ([...values][0] as string) : null;
}
