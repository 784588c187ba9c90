import { positionToString, type Position } from '../core/inventory.js';
import type { Amount, BookingMethod, Cost } from '../core/types.js';

/** One booked reduction: how many units leave which lot. */
export interface Reduction {
  readonly units: Amount;
  readonly cost: Cost;
}

/** Result of a booking method on the lots that matched a reducing posting. */
export type MatchResult =
  | { readonly ok: true; readonly reductions: Reduction[]; readonly insufficient: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * Beancount 2.3.5 `booking_method_STRICT`: a single matching lot is reduced (up to its
 * size); several lots are accepted only when the reduction takes all of them exactly,
 * otherwise the match is ambiguous.
 */
function strict(units: Amount, matches: readonly Position[], describe: () => string): MatchResult {
  const [only] = matches;
  if (matches.length > 1 || only === undefined) {
    let total = matches[0]?.units.number;
    for (const m of matches.slice(1)) total = total?.add(m.units.number);
    if (total !== undefined && total.eq(units.number.neg())) {
      const reductions = matches.map((m) => ({ units: negate(m.units), cost: lotCost(m) }));
      return { ok: true, reductions, insufficient: false };
    }
    return { ok: false, message: `Ambiguous matches for "${describe()}": ${matchesText(matches)}` };
  }
  const size = minAbs(only.units, units);
  const reduced = { number: units.number.sign() < 0 ? size.neg() : size, currency: units.currency };
  return {
    ok: true,
    reductions: [{ units: reduced, cost: lotCost(only) }],
    insufficient: !reduced.number.eq(units.number),
  };
}

/** Beancount `_booking_method_xifo`: take lots oldest (FIFO) or newest (LIFO) first. */
function xifo(units: Amount, matches: readonly Position[], newestFirst: boolean): MatchResult {
  const ordered = [...matches].sort((a, b) => {
    const byDate =
      lotCost(a).date < lotCost(b).date ? -1 : lotCost(a).date > lotCost(b).date ? 1 : 0;
    return newestFirst ? -byDate : byDate;
  });
  const sign = units.number.sign();
  let remaining = units.number.abs();
  const reductions: Reduction[] = [];
  for (const match of ordered) {
    if (remaining.sign() <= 0) break;
    if (match.units.number.sign() === sign) continue;
    const lotSize = match.units.number.abs();
    const size = lotSize.cmp(remaining) < 0 ? lotSize : remaining;
    reductions.push({
      units: { number: sign < 0 ? size.neg() : size, currency: match.units.currency },
      cost: lotCost(match),
    });
    remaining = remaining.sub(size);
  }
  return { ok: true, reductions, insufficient: remaining.sign() > 0 };
}

/**
 * Books a reducing posting of `units` against the lots it matched, by the account's
 * booking method; `describe` renders the posting for error messages. AVERAGE is
 * refused as in Beancount 2.3.5 ("AVERAGE method is not supported").
 */
export function bookReduction(
  method: BookingMethod,
  units: Amount,
  matches: readonly Position[],
  describe: () => string,
): MatchResult {
  let result: MatchResult;
  switch (method) {
    case 'FIFO':
      result = xifo(units, matches, false);
      break;
    case 'LIFO':
      result = xifo(units, matches, true);
      break;
    case 'AVERAGE':
      return { ok: false, message: 'AVERAGE method is not supported' };
    default:
      result = strict(units, matches, describe);
  }
  if (result.ok && result.insufficient) {
    return {
      ok: false,
      message: `Not enough lots to reduce "${describe()}": ${matchesText(matches)}`,
    };
  }
  return result;
}

function matchesText(matches: readonly Position[]): string {
  return matches.map(positionToString).join(', ');
}

function lotCost(position: Position): Cost {
  if (position.cost === null) throw new Error('internal: matched a position without cost');
  return position.cost;
}

function negate(amount: Amount): Amount {
  return { number: amount.number.neg(), currency: amount.currency };
}

function minAbs(a: Amount, b: Amount) {
  const x = a.number.abs();
  const y = b.number.abs();
  return x.cmp(y) <= 0 ? x : y;
}
