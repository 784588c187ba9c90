import type { Database } from '../../db/database.js';
import type { PortfolioBatch } from '../valuation/readPortfolioBatches.js';
import type { BookMovement } from '../valuation/runningHoldings.js';

/**
 * The portfolios `ids` (ascending id; unknown ids are absent) with their transactions dated
 * ≤ `asOf` (ascending trade date, then id) — one batch of an explicit id list, two queries.
 */
export async function readPortfolioBatchOf(
  db: Database,
  asOf: string,
  ids: readonly string[],
): Promise<PortfolioBatch> {
  const headers = await db.query<{
    id: string;
    base_currency: string;
    benchmark: string;
    inception: string;
  }>(
    `select id, base_currency, benchmark, inception::text as inception from portfolios
      where id = any($1::text[]) order by id`,
    [ids],
  );
  const rows = await db.query<{
    portfolio_id: string;
    trade_date: string;
    type: string;
    symbol: string | null;
    quantity: string | null;
    amount: string;
    currency: string;
  }>(
    `select portfolio_id, trade_date::text as trade_date, type, symbol, quantity::text as quantity,
            amount::text as amount, currency
       from transactions where portfolio_id = any($1::text[]) and trade_date <= $2
      order by portfolio_id, trade_date, id`,
    [ids, asOf],
  );
  const movements = new Map<string, BookMovement[]>(headers.map((p) => [p.id, []]));
  for (const r of rows) {
    movements.get(r.portfolio_id)?.push({
      tradeDate: r.trade_date,
      type: r.type,
      symbol: r.symbol,
      quantity: r.quantity,
      amount: r.amount,
      currency: r.currency,
    });
  }
  return {
    portfolios: headers.map((r) => ({
      id: r.id,
      baseCurrency: r.base_currency,
      benchmark: r.benchmark,
      inception: r.inception,
    })),
    movements,
  };
}
