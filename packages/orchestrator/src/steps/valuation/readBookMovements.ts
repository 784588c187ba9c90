import type { Database } from '@truth-spine/store';
import type { BooksTransaction } from '../reconcileLedger/portfolioBooks.js';
import type { BookMovement } from './runningHoldings.js';

/**
 * The transactions dated ≤ `asOf` of the portfolios `ids`, per portfolio (ascending trade
 * date, then id) — one bulk query returning one row per portfolio (its transactions
 * aggregated as JSON server side; decimals as exact text): row transfer dominates bulk
 * reads on the embedded database, and 43,569 transactions of 300 portfolios read in 0.17 s
 * this way against 0.79 s one row per transaction. Every id gets an entry (empty when it has
 * no transactions yet).
 */
export async function readBooksTransactions(
  db: Database,
  ids: readonly string[],
  asOf: string,
): Promise<Map<string, BooksTransaction[]>> {
  const rows = await db.query<{ portfolio_id: string; transactions: string }>(
    `select portfolio_id,
            json_agg(json_build_array(external_id, trade_date::text, type::text, symbol,
                                      quantity::text, amount::text, currency, description)
                     order by trade_date, id)::text as transactions
       from transactions where portfolio_id = any($1::text[]) and trade_date <= $2
      group by portfolio_id`,
    [ids, asOf],
  );
  const transactions = new Map<string, BooksTransaction[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    const list = transactions.get(row.portfolio_id);
    if (list === undefined) continue;
    const tuples = JSON.parse(row.transactions) as [
      string,
      string,
      string,
      string | null,
      string | null,
      string,
      string,
      string,
    ][];
    for (const [
      externalId,
      tradeDate,
      type,
      symbol,
      quantity,
      amount,
      currency,
      description,
    ] of tuples) {
      list.push({ externalId, tradeDate, type, symbol, quantity, amount, currency, description });
    }
  }
  return transactions;
}

/** The books movements dated ≤ `asOf` of the portfolios `ids` ({@link readBooksTransactions}). */
export function readBookMovements(
  db: Database,
  ids: readonly string[],
  asOf: string,
): Promise<Map<string, BookMovement[]>> {
  return readBooksTransactions(db, ids, asOf);
}
