/** One leg of an FX conversion: multiply by the `base`→`quote` rate, or divide when `invert`. */
export interface FxLeg {
  readonly base: string;
  readonly quote: string;
  readonly invert: boolean;
}

/** Currencies tried, in order, as the middle of a cross rate. */
export const CROSS_CURRENCIES: readonly string[] = ['USD', 'EUR'];

/**
 * How to turn an amount in `from` into `to` with the pairs on hand (`pairs` holds
 * `BASEQUOTE` keys, a rate = units of QUOTE per 1 BASE): the same currency needs no leg;
 * else the direct pair (`from`/`to`, multiply), else the inverse (`to`/`from`, divide),
 * else a cross through USD, then EUR (each half direct or inverse). Null when none works.
 * build_pack's universe (`fxPairCandidates.ts`) lists the pairs this needs.
 *
 * @example fxRoute(new Set(['EURUSD', 'GBPUSD']), 'GBP', 'EUR') // GBP→USD, then USD→EUR (inverse)
 */
export function fxRoute(pairs: ReadonlySet<string>, from: string, to: string): FxLeg[] | null {
  if (from === to) return [];
  const single = singleLeg(pairs, from, to);
  if (single !== null) return [single];
  for (const middle of CROSS_CURRENCIES) {
    if (middle === from || middle === to) continue;
    const first = singleLeg(pairs, from, middle);
    const second = singleLeg(pairs, middle, to);
    if (first !== null && second !== null) return [first, second];
  }
  return null;
}

function singleLeg(pairs: ReadonlySet<string>, from: string, to: string): FxLeg | null {
  if (pairs.has(from + to)) return { base: from, quote: to, invert: false };
  if (pairs.has(to + from)) return { base: to, quote: from, invert: true };
  return null;
}
