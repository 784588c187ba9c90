import type { Database } from '@truth-spine/store';
import { activePortfolioSql } from '@truth-spine/books';
import { DEFAULT_PORTFOLIO_BATCH_SIZE } from '../../pipeline/portfolioBatchWork.js';

/** A portfolio as the daily steps need it. */
export interface PortfolioHeader {
  readonly id: string;
  readonly baseCurrency: string;
  readonly benchmark: string;
  readonly inception: string;
}

/**
 * Streams the active portfolios (not archived: {@link activePortfolioSql}) that exist on
 * `asOf` (inception ≤ asOf), ordered by id, in batches of `batchSize` by keyset
 * pagination — never every portfolio at once.
 */
export async function* readPortfolioHeaders(
  db: Database,
  asOf: string,
  batchSize: number = DEFAULT_PORTFOLIO_BATCH_SIZE,
): AsyncGenerator<PortfolioHeader[]> {
  let after = '';
  for (;;) {
    const rows = await db.query<{
      id: string;
      base_currency: string;
      benchmark: string;
      inception: string;
    }>(
      `select id, base_currency, benchmark, inception::text as inception from portfolios
        where inception <= $1 and id > $2 and ${activePortfolioSql} order by id limit $3`,
      [asOf, after, batchSize],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      id: r.id,
      baseCurrency: r.base_currency,
      benchmark: r.benchmark,
      inception: r.inception,
    }));
    after = rows[rows.length - 1]!.id;
  }
}
