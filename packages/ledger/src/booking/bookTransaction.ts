import { Decimal } from '../core/decimal.js';
import type { LedgerDiagnostic } from '../core/errors.js';
import { costToString, Inventory, type Position } from '../core/inventory.js';
import type { Amount, BookingMethod, Cost, Posting } from '../core/types.js';
import type { LedgerOptions } from '../parser/options.js';
import type { CostSpec, IncompletePosting, ParsedTransaction } from '../parser/parsedTypes.js';
import { bookReduction } from './bookingMethods.js';
import { describeCostSpec, describePostingRepr } from './describePosting.js';
import { inferToleranceOf, inferTolerances, quantizeWithTolerance } from './tolerances.js';
import { postingWeight } from './weight.js';

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

const MISSING = Symbol('missing');
type Currency = string | null | typeof MISSING;

/** A posting while it is being booked: numbers may still be missing, cost still a spec. */
interface Work {
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

function fail(
  errors: LedgerDiagnostic[],
  txn: ParsedTransaction,
  type: LedgerDiagnostic['type'],
  message: string,
  line = txn.line,
): void {
  errors.push({ type, file: txn.file, line, message });
}

/** The tolerance of `currency` from the postings as written (Beancount infers it before interpolation). */
function writtenTolerance(
  txn: ParsedTransaction,
  currency: string,
  options: LedgerOptions,
): Decimal | null {
  if (!options.inferToleranceFromCost) return inferToleranceOf(currency, txn.postings, options);
  const all = inferTolerances(
    txn.postings.map((p) => ({
      number: p.number,
      currency: p.currency,
      costNumbers: [p.cost?.numberPer, p.cost?.numberTotal].filter((n): n is Decimal => !!n),
      costCurrency: p.cost?.currency ?? null,
      price:
        p.price?.number && p.price.currency
          ? { number: p.price.number, currency: p.price.currency }
          : null,
      automatic: false,
    })),
    options,
  );
  return all.byCurrency.get(currency) ?? null;
}

/** Beancount `categorize_by_currency`: postings grouped by weight currency, in order. */
function categorise(
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

/** Beancount `book_reductions`: reducing postings at cost become one posting per lot. */
function reduceGroup(
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

/** Per-unit cost a spec states: `per + total / |units|`, or null when not stated. */
function specUnitCost(spec: CostSpec, units: Decimal): Decimal | null {
  if (spec.numberTotal !== null) {
    if (spec.numberPer === null) return null;
    const quantity = units.abs();
    return spec.numberTotal.add(spec.numberPer.mul(quantity)).div(quantity);
  }
  return spec.numberPer;
}

/**
 * Beancount `interpolate_group`: fills at most one missing number in a currency group
 * from the group's residual. An interpolated amount of zero drops its posting; a failed
 * interpolation drops the group's postings. Lots with zero units or a negative cost are
 * reported.
 */
function interpolateGroup(
  txn: ParsedTransaction,
  currency: string,
  group: Work[],
  options: LedgerOptions,
  errors: LedgerDiagnostic[],
): Posting[] {
  const incomplete: { work: Work; missing: 'units' | 'cost' | 'price' }[] = [];
  for (const work of group) {
    if (work.number === null) incomplete.push({ work, missing: 'units' });
    if (work.spec !== null && work.spec.numberPer === null) {
      incomplete.push({ work, missing: 'cost' });
    }
    if (work.source.price !== null && work.priceNumber === null) {
      incomplete.push({ work, missing: 'price' });
    }
  }
  const report = (work: Work, message: string) =>
    fail(errors, txn, 'InterpolationError', message, work.source.line);
  const [target, second] = incomplete;
  if (second !== undefined && target !== undefined) {
    report(target.work, `Too many missing numbers for currency group '${currency}'`);
    return [];
  }
  let members = group;
  if (target !== undefined) {
    let residual = Decimal.ZERO;
    for (const work of group) {
      if (work === target.work) continue;
      const weight = postingWeight(toPosting(work));
      if (weight.currency === currency) residual = residual.add(weight.number);
    }
    const weight = residual.neg();
    const w = target.work;
    let keep = true;
    if (target.missing === 'units') {
      let number = weight;
      if (w.spec !== null) {
        if (w.spec.numberPer?.isZero()) {
          report(w, 'Cannot infer per-unit cost only from total');
          return [];
        }
        const total = w.spec.numberTotal ?? Decimal.ZERO;
        number = weight.sub(total).div(w.spec.numberPer ?? Decimal.ZERO);
      } else if (w.priceNumber !== null) number = weight.div(w.priceNumber);
      w.number = quantizeWithTolerance(
        writtenTolerance(txn, w.currency ?? currency, options),
        number,
      );
      w.currency ??= currency;
      keep = !weight.isZero();
    } else if (target.missing === 'cost' && w.spec !== null && w.number !== null) {
      keep = !w.number.isZero();
      if (keep) {
        const perUnit = weight.sub(w.spec.numberTotal ?? Decimal.ZERO).div(w.number);
        w.spec = { ...w.spec, numberPer: perUnit };
      }
    } else if (target.missing === 'price' && w.number !== null) {
      if (w.spec !== null || w.cost !== null) {
        report(w, 'Cannot infer price for postings with units held at cost');
        return [];
      }
      w.priceNumber = weight.div(w.number).abs();
    }
    w.automatic = true;
    if (!keep) members = group.filter((work) => work !== w);
  }
  const postings = members.map(toPosting);
  postings.forEach((p, i) => {
    if (p.cost === null) return;
    const work = members[i] as Work;
    if (p.units.number.isZero()) {
      report(work, `Amount is zero: "${p.units.number.toString()} ${p.units.currency}"`);
    }
    if (p.cost.number.sign() < 0) report(work, `Cost is negative: "${costToString(p.cost)}"`);
  });
  return postings;
}

/** Converts a fully known working posting, turning a cost spec into a lot cost. */
function toPosting(work: Work): Posting {
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
