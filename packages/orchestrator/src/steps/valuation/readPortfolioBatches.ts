import type { Database } from '../../db/database.js';
import { readPortfolioHeaders, type PortfolioHeader } from './readPortfolioHeaders.js';
import type { BookMovement } from './runningHoldings.js';

/** A batch of portfolios with their transactions (ascending trade date, then id). */
export interface PortfolioBatch {
  readonly portfolios: readonly PortfolioHeader[];
  readonly movements: ReadonlyMap<string, readonly BookMovement[]>;
}

/**
 * {@link readPortfolioHeaders}' batches, each with its portfolios' transactions dated ≤
 * `asOf` — one bulk query per batch, never every portfolio's books at once.
 */
export async function* readPortfolioBatches(
  db: Database,
  asOf: string,
  batchSize?: number,
): AsyncGenerator<PortfolioBatch> {
  for await (const portfolios of readPortfolioHeaders(db, asOf, batchSize)) {
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
      [portfolios.map((p) => p.id), asOf],
    );
    const movements = new Map<string, BookMovement[]>(portfolios.map((p) => [p.id, []]));
    for (const r of rows) {
      movements.get(r.portfolio_id)!.push({
        tradeDate: r.trade_date,
        type: r.type,
        symbol: r.symbol,
        quantity: r.quantity,
        amount: r.amount,
        currency: r.currency,
      });
    }
    yield { portfolios, movements };
  }
}
