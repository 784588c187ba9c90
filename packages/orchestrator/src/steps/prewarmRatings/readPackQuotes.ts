import type { Database } from '@truth-spine/store';
import type { PackQuote } from './holdingMarketValues.js';

/** A pack's closes by symbol and its FX rates by `BASEQUOTE` (units of QUOTE per 1 BASE), as exact decimal strings. */
export interface PackQuotes {
  readonly quotes: ReadonlyMap<string, PackQuote>;
  readonly rates: ReadonlyMap<string, string>;
}

/** Reads the closes (pack_prices) and FX rates (pack_fx) of pack `packId`. */
export async function readPackQuotes(db: Database, packId: string): Promise<PackQuotes> {
  const [prices, fx] = await Promise.all([
    db.query<{ symbol: string; close: string; currency: string }>(
      'select symbol, close::text as close, currency from pack_prices where pack_id = $1',
      [packId],
    ),
    db.query<{ base: string; quote: string; rate: string }>(
      'select base, quote, rate::text as rate from pack_fx where pack_id = $1',
      [packId],
    ),
  ]);
  return {
    quotes: new Map(prices.map((p) => [p.symbol, { close: p.close, currency: p.currency }])),
    rates: new Map(fx.map((r) => [r.base + r.quote, r.rate])),
  };
}
