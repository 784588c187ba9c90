import type { Database } from '@truth-spine/store';
import { activePortfolioSql } from '@truth-spine/books';
import { DEFAULT_PORTFOLIO_BATCH_SIZE } from '../../pipeline/portfolioBatchWork.js';
import { readBooksTransactions } from '../valuation/readBookMovements.js';
import type { BooksTransaction } from './portfolioBooks.js';

/** A portfolio as reconciliation needs it. */
export interface ReconciledPortfolio {
  readonly id: string;
  readonly baseCurrency: string;
  readonly inception: string;
}

/** A batch of portfolios with their books transactions up to D (trade date, then id). */
export interface BooksBatch {
  readonly portfolios: readonly ReconciledPortfolio[];
  readonly transactions: ReadonlyMap<string, readonly BooksTransaction[]>;
}

/**
 * Streams every active portfolio ({@link activePortfolioSql}), ordered by id, in batches of
 * `batchSize` by keyset pagination, each with its books dated ≤ `asOf` (later rows change
 * neither the books on D nor their movements; one bulk query per batch over the batch's ids) — never a query per portfolio, never every portfolio at once.
 */
export async function* readBooksBatches(
  db: Database,
  asOf: string,
  batchSize: number = DEFAULT_PORTFOLIO_BATCH_SIZE,
): AsyncGenerator<BooksBatch> {
  let after = '';
  for (;;) {
    const rows = await db.query<{ id: string; base_currency: string; inception: string }>(
      `select id, base_currency, inception::text as inception from portfolios
        where id > $1 and ${activePortfolioSql} order by id limit $2`,
      [after, batchSize],
    );
    if (rows.length === 0) return;
    const portfolios = rows.map((r) => ({
      id: r.id,
      baseCurrency: r.base_currency,
      inception: r.inception,
    }));
    const transactions = await readBooksTransactions(
      db,
      portfolios.map((p) => p.id),
      asOf,
    );
    yield { portfolios, transactions };
    after = rows[rows.length - 1]!.id;
  }
}
