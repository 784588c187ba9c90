import type { Database } from '../../db/database.js';
import type { BookMovement } from './runningHoldings.js';

/**
 * The transactions dated ≤ `asOf` of the portfolios `ids`, as book movements per portfolio
 * (ascending trade date, then id) — one bulk query. Every id gets an entry (empty when it
 * has no transactions yet).
 */
export async function readBookMovements(
  db: Database,
  ids: readonly string[],
  asOf: string,
): Promise<Map<string, BookMovement[]>> {
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
  const movements = new Map<string, BookMovement[]>(ids.map((id) => [id, []]));
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
  return movements;
}
