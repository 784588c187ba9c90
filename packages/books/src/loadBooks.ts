import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@truth-spine/store';
import { portfolios, securities, transactions } from '@truth-spine/store/schema';
import { readBooks, type BooksReadOptions } from './readBooks.js';

/** What {@link loadBooks} wrote. */
export interface BooksLoadResult {
  readonly portfolios: number;
  readonly securities: number;
  /** Transactions in the files (inserted or updated in place, matched by external id). */
  readonly transactions: number;
  /** Stored transactions of the loaded portfolios that are no longer in their files. */
  readonly removedTransactions: number;
}

const chunkSize = 1_000;

/**
 * Loads a books directory (docs/DATA-FORMATS.md#books) into securities, portfolios and
 * transactions: validates everything first ({@link readBooks}, against `options`' FX
 * pairs and today; a BooksError writes nothing), then
 * writes in ONE transaction. Idempotent: rows are upserted by symbol, portfolio id and
 * (portfolio, external id), so re-loading the same files changes nothing; a transaction
 * removed from its file is removed from the store (the files are the books).
 */
export async function loadBooks(
  db: Database,
  dir: string,
  options: BooksReadOptions = {},
): Promise<BooksLoadResult> {
  const books = await readBooks(dir, options);
  let removed = 0;
  await db.drizzle.transaction(async (tx) => {
    for (const rows of chunks(books.securities)) {
      await tx
        .insert(securities)
        .values([...rows])
        .onConflictDoUpdate({
          target: securities.symbol,
          set: excludedColumns(securities, ['symbol']),
        });
    }
    for (const rows of chunks(books.portfolios)) {
      await tx
        .insert(portfolios)
        .values([...rows])
        // archived_at is the store's own state, not the files': an archived portfolio stays archived
        .onConflictDoUpdate({
          target: portfolios.id,
          set: excludedColumns(portfolios, ['id', 'archivedAt']),
        });
    }
    for (const rows of chunks(books.transactions)) {
      await tx
        .insert(transactions)
        .values([...rows])
        .onConflictDoUpdate({
          target: [transactions.portfolioId, transactions.externalId],
          set: excludedColumns(transactions, ['id', 'portfolioId', 'externalId']),
        });
    }
    for (const portfolio of books.portfolios) {
      const kept = new Set(
        books.transactions.filter((t) => t.portfolioId === portfolio.id).map((t) => t.externalId),
      );
      const stored = await tx
        .select({ externalId: transactions.externalId })
        .from(transactions)
        .where(eq(transactions.portfolioId, portfolio.id));
      const gone = stored.map((s) => s.externalId).filter((id) => !kept.has(id));
      for (const ids of chunks(gone)) {
        await tx
          .delete(transactions)
          .where(
            and(
              eq(transactions.portfolioId, portfolio.id),
              inArray(transactions.externalId, [...ids]),
            ),
          );
      }
      removed += gone.length;
    }
  });
  return {
    portfolios: books.portfolios.length,
    securities: books.securities.length,
    transactions: books.transactions.length,
    removedTransactions: removed,
  };
}

/** `{ column: excluded.column }` for every column but `keep`, for ON CONFLICT DO UPDATE. */
function excludedColumns(
  table: typeof securities | typeof portfolios | typeof transactions,
  keep: readonly string[],
): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (!keep.includes(key)) set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}

function* chunks<T>(rows: readonly T[]): Generator<readonly T[]> {
  for (let i = 0; i < rows.length; i += chunkSize) yield rows.slice(i, i + chunkSize);
}
