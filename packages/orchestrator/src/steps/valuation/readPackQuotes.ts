import Big from 'big.js';
import type { Database } from '@truth-spine/store';
import type { PackQuotes } from './exactValuation.js';

/** The pack's closes and FX rates as exact decimals (two queries). */
export async function readPackQuotes(db: Database, packId: string): Promise<PackQuotes> {
  const closes = await db.query<{ symbol: string; close: string }>(
    `select symbol, close::text as close from pack_prices where pack_id = $1`,
    [packId],
  );
  const fx = await db.query<{ base: string; quote: string; rate: string }>(
    `select base, quote, rate::text as rate from pack_fx where pack_id = $1`,
    [packId],
  );
  return {
    closes: new Map(closes.map((r) => [r.symbol, new Big(r.close)])),
    fx: new Map(fx.map((r) => [r.base + r.quote, new Big(r.rate)])),
  };
}
