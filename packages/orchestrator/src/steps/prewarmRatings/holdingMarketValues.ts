import Big from 'big.js';
import { fxRoute } from '../history/fxRoute.js';

/** A pack close: price per unit in its currency. */
export interface PackQuote {
  readonly close: string;
  readonly currency: string;
}

/** A held security's market value on the pack date, or why it has none. */
export type HoldingMarketValue =
  | { readonly symbol: string; readonly units: string; readonly marketValue: string }
  | {
      readonly symbol: string;
      readonly units: string;
      readonly marketValue: null;
      readonly reason: string;
    };

/**
 * Market value in `baseCurrency` of each position on the pack date, exact (big.js):
 * mv = units × close × fx, where fx converts the close's currency into the base currency
 * through the pack's FX rates (`rates`: `BASEQUOTE` → units of QUOTE per 1 BASE; direct,
 * inverse or a cross through USD/EUR, see {@link fxRoute}). A position without a pack
 * close or without an FX route has `marketValue: null` and a reason, never 0.
 *
 * @example holdingMarketValues(new Map([['SAP', new Big(10)]]),
 *   new Map([['SAP', { close: '150', currency: 'USD' }]]), new Map([['EURUSD', '1.5']]), 'EUR')
 *   // [{ symbol: 'SAP', units: '10', marketValue: '1000' }]
 */
export function holdingMarketValues(
  positions: ReadonlyMap<string, Big>,
  quotes: ReadonlyMap<string, PackQuote>,
  rates: ReadonlyMap<string, string>,
  baseCurrency: string,
): HoldingMarketValue[] {
  const pairs = new Set(rates.keys());
  const values: HoldingMarketValue[] = [];
  for (const [symbol, units] of [...positions].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const quote = quotes.get(symbol);
    if (quote === undefined) {
      values.push({
        symbol,
        units: units.toString(),
        marketValue: null,
        reason: 'no close in the pack',
      });
      continue;
    }
    const route = fxRoute(pairs, quote.currency, baseCurrency);
    if (route === null) {
      values.push({
        symbol,
        units: units.toString(),
        marketValue: null,
        reason: `no FX rate in the pack from ${quote.currency} to ${baseCurrency}`,
      });
      continue;
    }
    let value = units.times(quote.close);
    for (const leg of route) {
      const rate = new Big(rates.get(leg.base + leg.quote)!);
      value = leg.invert ? value.div(rate) : value.times(rate);
    }
    values.push({ symbol, units: units.toString(), marketValue: value.toString() });
  }
  return values;
}
