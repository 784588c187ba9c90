import Big from 'big.js';
import type { Database } from '@truth-spine/store';

/** A pack's closes and FX rates, exact. */
export interface PackPricing {
  readonly prices: ReadonlyMap<string, { readonly price: Big; readonly currency: string }>;
  /** `rate` units of `quote` per one `base`, as stored (pack_fx). */
  readonly fx: readonly { readonly base: string; readonly quote: string; readonly rate: Big }[];
}

/** A pack's closes and FX rates as stored (decimals as exact strings): plain, cloneable data. */
export interface PackPricingRows {
  readonly prices: readonly {
    readonly symbol: string;
    readonly close: string;
    readonly currency: string;
  }[];
  readonly fx: readonly { readonly base: string; readonly quote: string; readonly rate: string }[];
}

/** Reads pack `packId`'s prices and FX rows, as stored. */
export async function readPackPricingRows(db: Database, packId: string): Promise<PackPricingRows> {
  const prices = await db.query<{ symbol: string; close: string; currency: string }>(
    'select symbol, close::text as close, currency from pack_prices where pack_id = $1',
    [packId],
  );
  const fx = await db.query<{ base: string; quote: string; rate: string }>(
    'select base, quote, rate::text as rate from pack_fx where pack_id = $1',
    [packId],
  );
  return { prices, fx };
}

/** The exact pricing of stored rows (big.js from the stored decimal text). */
export function packPricingOf(rows: PackPricingRows): PackPricing {
  return {
    prices: new Map(
      rows.prices.map((p) => [p.symbol, { price: new Big(p.close), currency: p.currency }]),
    ),
    fx: rows.fx.map((r) => ({ base: r.base, quote: r.quote, rate: new Big(r.rate) })),
  };
}

/**
 * Units of `base` per one unit of each other currency the pack can convert, by the pack's
 * pair policy: a direct pair `<C><base>` is used as is, else an inverse pair `<base><C>`
 * as 1 ÷ rate (big.js, 20 significant decimals); no crosses.
 */
export function fxToBase(pricing: PackPricing, base: string): Map<string, Big> {
  const rates = new Map<string, Big>();
  for (const r of pricing.fx) if (r.base !== base && r.quote === base) rates.set(r.base, r.rate);
  for (const r of pricing.fx) {
    if (r.base === base && r.quote !== base && !rates.has(r.quote))
      rates.set(r.quote, new Big(1).div(r.rate));
  }
  return rates;
}
