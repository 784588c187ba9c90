import { asc, eq, sql } from 'drizzle-orm';
import { type } from 'arktype';
import type { Database, Executor } from '../db/database.js';
import { executeRows } from '../db/rows.js';
import { portfolios, securities, transactions } from '../db/schema.js';
import { BooksEditError } from './booksEditError.js';
import { portfolioEntry, type BookPortfolio } from './readBooks.js';

/** A stored portfolio with how many transactions its books hold. */
export interface PortfolioListing extends BookPortfolio {
  readonly transactions: number;
}

/** Stored results that point at a portfolio: table → rows. */
export type PortfolioReferences = Readonly<Record<string, number>>;

/**
 * Adds a portfolio (validated like a portfolios.json entry: id of letters, digits, - and
 * _, ISO currency, a real inception date); its benchmark must already be a security.
 * Refuses an id that exists ({@link BooksEditError} `portfolio_exists`).
 */
export async function addPortfolio(db: Database, portfolio: BookPortfolio): Promise<void> {
  const checked = portfolioEntry({
    id: portfolio.id,
    name: portfolio.name,
    base_currency: portfolio.baseCurrency,
    benchmark: portfolio.benchmark,
    inception: portfolio.inception,
  });
  if (checked instanceof type.errors) {
    throw new BooksEditError('invalid_field', `portfolio ${portfolio.id}: ${checked.summary}`);
  }
  await db.drizzle.transaction(async (tx) => {
    const [benchmark] = await tx
      .select({ symbol: securities.symbol })
      .from(securities)
      .where(eq(securities.symbol, portfolio.benchmark));
    if (benchmark === undefined) {
      throw new BooksEditError(
        'unknown_security',
        `benchmark ${portfolio.benchmark} is not a security (add it with: securities add ${portfolio.benchmark} --currency …)`,
      );
    }
    const inserted = await tx
      .insert(portfolios)
      .values(portfolio)
      .onConflictDoNothing()
      .returning({ id: portfolios.id });
    if (inserted.length === 0) {
      throw new BooksEditError('portfolio_exists', `portfolio ${portfolio.id} already exists`);
    }
  });
}

/** Every stored portfolio by id, with its transaction count. */
export async function listPortfolios(db: Database): Promise<PortfolioListing[]> {
  const rows = await db.drizzle
    .select({
      id: portfolios.id,
      name: portfolios.name,
      baseCurrency: portfolios.baseCurrency,
      benchmark: portfolios.benchmark,
      inception: portfolios.inception,
      transactions: sql<number>`(select count(*)::int from transactions t where t.portfolio_id = portfolios.id)`,
    })
    .from(portfolios)
    .orderBy(asc(portfolios.id));
  return rows.map((r) => ({ ...r, transactions: Number(r.transactions) }));
}

/**
 * Counts the stored results that reference a portfolio: every table with a foreign key
 * to portfolios (read from the catalogue, so later result tables count too) except its
 * own books (transactions). Only tables with at least one row are listed.
 */
export async function portfolioReferences(
  executor: Executor,
  portfolioId: string,
): Promise<PortfolioReferences> {
  const keys = await executeRows<{ table_name: string; column_name: string }>(
    executor,
    sql`select kcu.table_name, kcu.column_name
        from information_schema.referential_constraints rc
        join information_schema.key_column_usage kcu
          on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
        join information_schema.constraint_column_usage ccu
          on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
        where ccu.table_name = 'portfolios' and kcu.table_schema = current_schema()
        order by kcu.table_name`,
  );
  const counts: Record<string, number> = {};
  for (const key of keys) {
    if (key.table_name === 'transactions') continue;
    const [row] = await executeRows<{ n: number }>(
      executor,
      sql`select count(*)::int as n from ${sql.identifier(key.table_name)} where ${sql.identifier(key.column_name)} = ${portfolioId}`,
    );
    const n = Number(row?.n ?? 0);
    if (n > 0) counts[key.table_name] = n;
  }
  return counts;
}

/**
 * Removes a portfolio and its books (transactions) in one transaction — only while no
 * stored result (valuations, metrics, breaks, …) references it; otherwise refuses with
 * {@link BooksEditError} `portfolio_in_use` naming the tables: historical results are
 * never deleted. Returns how many transactions went with it.
 */
export async function removePortfolio(
  db: Database,
  portfolioId: string,
): Promise<{ transactions: number }> {
  return db.drizzle.transaction(async (tx) => {
    const [portfolio] = await tx
      .select({ id: portfolios.id })
      .from(portfolios)
      .where(eq(portfolios.id, portfolioId))
      .for('update');
    if (portfolio === undefined) {
      throw new BooksEditError('unknown_portfolio', `portfolio ${portfolioId} does not exist`);
    }
    const references = await portfolioReferences(tx, portfolioId);
    const used = Object.entries(references).map(([table, n]) => `${table}: ${n}`);
    if (used.length > 0) {
      throw new BooksEditError(
        'portfolio_in_use',
        `portfolio ${portfolioId} has stored results (${used.join(', ')}); it is kept so history stays readable`,
      );
    }
    const removed = await tx
      .delete(transactions)
      .where(eq(transactions.portfolioId, portfolioId))
      .returning({ id: transactions.id });
    await tx.delete(portfolios).where(eq(portfolios.id, portfolioId));
    return { transactions: removed.length };
  });
}
