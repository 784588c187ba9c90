import Big from 'big.js';
import { validateClose, type CloseRejection } from '../../pack/validateClose.js';

/** One observed close with its provenance, as the sources gave it. */
export interface ObservedClose {
  readonly date: string;
  readonly close: string;
  readonly provider: string;
  readonly fallbackUsed: boolean;
}

/** A split effective on `date`: numerator new shares per denominator old. */
export interface SplitOn {
  readonly date: string;
  readonly numerator: string;
  readonly denominator: string;
}

/** The close a pack records for D, or why there is none. */
export type CloseOnDate =
  | {
      readonly kind: 'value';
      readonly close: string;
      readonly provider: string;
      readonly fallbackUsed: boolean;
      /** The observation date: D itself, or an earlier trading day when carried forward. */
      readonly sourceDate: string;
      /** Why D's own close was not used (null when it was). */
      readonly carriedBecause: string | null;
    }
  | { readonly kind: 'missing'; readonly reason: string };

/**
 * D's close from a window of observations ending at D (ascending): each observation is
 * validated with {@link validateClose} against the previous ACCEPTED one, with the product
 * of the splits effective in between (after the previous date, up to this one). If D's
 * own close is missing or rejected, the last accepted close is carried forward when it is
 * at most `maxCarryForwardDays` trading days old (`tradingDays`: the calendar's days up to
 * D, ascending); otherwise the value is missing with the reason.
 */
export function closeOnDate(
  observations: readonly ObservedClose[],
  asOf: string,
  splits: readonly SplitOn[],
  tradingDays: readonly string[],
  maxCarryForwardDays: number,
): CloseOnDate {
  let accepted: ObservedClose | null = null;
  let rejectionOnDate: CloseRejection | null = null;
  for (const observation of observations) {
    if (observation.date > asOf) break;
    const rejection = validateClose({
      close: observation.close,
      previousClose: accepted?.close ?? null,
      splitFactor: splitFactorBetween(splits, accepted?.date ?? null, observation.date),
    });
    if (rejection === null) accepted = observation;
    else if (observation.date === asOf) rejectionOnDate = rejection;
  }
  if (accepted?.date === asOf) {
    return {
      kind: 'value',
      close: accepted.close,
      provider: accepted.provider,
      fallbackUsed: accepted.fallbackUsed,
      sourceDate: asOf,
      carriedBecause: null,
    };
  }
  const why = rejectionOnDate?.message ?? `no close on ${asOf}`;
  if (accepted === null) return { kind: 'missing', reason: `${why}; no earlier accepted close` };
  const age = tradingDays.filter((day) => day > accepted.date && day <= asOf).length;
  if (age > maxCarryForwardDays) {
    return {
      kind: 'missing',
      reason: `${why}; the last accepted close (${accepted.date}) is ${age} trading days old, more than ${maxCarryForwardDays}`,
    };
  }
  return {
    kind: 'value',
    close: accepted.close,
    provider: accepted.provider,
    fallbackUsed: accepted.fallbackUsed,
    sourceDate: accepted.date,
    carriedBecause: why,
  };
}

/** Product of split factors effective after `from` (exclusive) up to `to` (inclusive); "1" when none. */
function splitFactorBetween(splits: readonly SplitOn[], from: string | null, to: string): string {
  if (from === null) return '1';
  let factor = new Big(1);
  for (const split of splits) {
    if (split.date > from && split.date <= to) {
      factor = factor.times(split.numerator).div(split.denominator);
    }
  }
  return factor.toString();
}
