import { Decimal } from '../core/decimal.js';
import type { LedgerDiagnostic } from '../core/errors.js';
import { costToString } from '../core/inventory.js';
import type { Posting } from '../core/types.js';
import type { LedgerOptions } from '../parser/options.js';
import type { ParsedTransaction } from '../parser/parsedTypes.js';
import { inferToleranceOf, inferTolerances, quantizeWithTolerance } from './tolerances.js';
import { postingWeight } from './weight.js';
import { fail, toPosting, type Work } from './bookingWork.js';

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

/**
 * Beancount `interpolate_group`: fills at most one missing number in a currency group
 * from the group's residual. An interpolated amount of zero drops its posting; a failed
 * interpolation drops the group's postings. Lots with zero units or a negative cost are
 * reported.
 */
export function interpolateGroup(
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
