import { parseCurrencyPair, type CurrencyPair } from './currencyPair.js';
import type { FxRate, FxSeries } from './marketData.js';
import type { ProviderId } from './providerId.js';

/**
 * One `FxSeries` per requested pair text (`EURUSD`), in request order: each text is parsed
 * (a malformed one is a `RangeError` naming it, before any request is made) and its rates
 * come from `ratesOf(pair)` — the provider's own way of fetching one pair's daily rates.
 */
export async function fxSeriesPerPair(
  pairTexts: readonly string[],
  provider: ProviderId,
  ratesOf: (pair: CurrencyPair) => Promise<readonly FxRate[]>,
): Promise<FxSeries[]> {
  const pairs = pairTexts.map((text) => {
    const pair = parseCurrencyPair(text);
    if (pair === null) throw new RangeError(`FX pair "${text}" must be six letters like EURUSD`);
    return pair;
  });
  return Promise.all(
    pairs.map(async (pair) => ({ ...pair, provider, rates: await ratesOf(pair) })),
  );
}

/** A daily bar of an FX symbol read as that day's rate: its close. */
export function rateOfBar(bar: { readonly date: string; readonly close: string }): FxRate {
  return { date: bar.date, rate: bar.close };
}
