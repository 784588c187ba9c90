import { asc, eq, sql } from 'drizzle-orm';
import { type } from 'arktype';
import type { Database, Executor } from '@truth-spine/store';
import { executeRows } from '@truth-spine/store';
import { portfolios, securities, transactions } from '@truth-spine/store/schema';
import { isActivePortfolio } from './activePortfolios.js';
import { BooksEditError } from './booksEditError.js';
import { portfolioEntry } from './bookColumns.js';
import type { BookPortfolio } from './bookRecords.js';

/** A stored portfolio with how many transactions its books hold. */
export interface PortfolioListing extends BookPortfolio {
  readonly transactions: number;
  /** When it was archived (`removePortfolio` with `force`); null while it is active. */
  readonly archivedAt: Date | null;
}

/** Stored results that point at a portfolio: table → rows. */
export type PortfolioReferences = Readonly<Record<string, number>>;

/**
 * What {@link removePortfolio} did: `deleted` the portfolio and its books (no stored result
 * referenced it), or `archived` it, keeping its books and results (`kept`: table → rows,
 * transactions included). `alreadyArchived`: it was archived before (at `archivedAt`).
 */
export type PortfolioRemoval =
  | { readonly outcome: 'deleted'; readonly transactions: number }
  | {
      readonly outcome: 'archived';
      readonly archivedAt: Date;
      readonly alreadyArchived: boolean;
      readonly kept: PortfolioReferences;
    };

/**
 * Adds a portfolio (validated like a portfolios.json entry: id of letters, digits, - and
 * _, ISO currency, a real inception date); its benchmark must already be a security.
 * Refuses an id that exists ({@link BooksEditError} `portfolio_exists`, or
 * `portfolio_archived` naming `portfolios restore` when that portfolio is archived).
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
      const [existing] = await tx
        .select({ archivedAt: portfolios.archivedAt })
        .from(portfolios)
        .where(eq(portfolios.id, portfolio.id));
      if (existing?.archivedAt != null) {
        throw new BooksEditError(
          'portfolio_archived',
          `portfolio ${portfolio.id} exists, archived since ${existing.archivedAt.toISOString()}; bring it back with: portfolios restore ${portfolio.id}`,
        );
      }
      throw new BooksEditError('portfolio_exists', `portfolio ${portfolio.id} already exists`);
    }
  });
}

/**
 * The stored portfolios by id, with their transaction counts: the active ones, or with
 * `includeArchived` the archived ones too.
 */
export async function listPortfolios(
  db: Database,
  options: { readonly includeArchived?: boolean } = {},
): Promise<PortfolioListing[]> {
  const rows = await db.drizzle
    .select({
      id: portfolios.id,
      name: portfolios.name,
      baseCurrency: portfolios.baseCurrency,
      benchmark: portfolios.benchmark,
      inception: portfolios.inception,
      transactions: sql<number>`(select count(*)::int from transactions t where t.portfolio_id = portfolios.id)`,
      archivedAt: portfolios.archivedAt,
    })
    .from(portfolios)
    .where(options.includeArchived === true ? undefined : isActivePortfolio)
    .orderBy(asc(portfolios.id));
  return rows.map((r) => ({ ...r, transactions: Number(r.transactions) }));
}

/**
 * Counts the stored results that reference a portfolio: every table with a foreign key
 * to portfolios (read from the catalogue, so later result tables count too) except its
 * own books (transactions), and its ratings (`ratings` rows of subject kind portfolio,
 * which have no foreign key). Only tables with at least one row are listed.
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
  const [rated] = await executeRows<{ n: number }>(
    executor,
    sql`select count(*)::int as n from ratings where subject_kind = 'portfolio' and subject_id = ${portfolioId}`,
  );
  const ratings = Number(rated?.n ?? 0);
  if (ratings > 0) counts['ratings'] = ratings;
  return counts;
}

/**
 * Removes a portfolio, in one transaction. While no stored result (valuations, metrics,
 * breaks, ratings, …) references it, the portfolio and its books (transactions) are
 * deleted. Otherwise historical results are never deleted: without `force` it refuses with
 * {@link BooksEditError} `portfolio_in_use` naming the tables and `--force`; with `force`
 * it is archived instead (`archived_at` = now; an archived one keeps its first date): its
 * books and results stay untouched and readable, and every later night leaves it out
 * (./activePortfolios.ts). {@link restorePortfolio} undoes an archive.
 */
export async function removePortfolio(
  db: Database,
  portfolioId: string,
  options: { readonly force?: boolean } = {},
): Promise<PortfolioRemoval> {
  return db.drizzle.transaction(async (tx) => {
    const [portfolio] = await tx
      .select({ id: portfolios.id, archivedAt: portfolios.archivedAt })
      .from(portfolios)
      .where(eq(portfolios.id, portfolioId))
      .for('update');
    if (portfolio === undefined) {
      throw new BooksEditError('unknown_portfolio', `portfolio ${portfolioId} does not exist`);
    }
    const references = await portfolioReferences(tx, portfolioId);
    const used = Object.entries(references).map(([table, n]) => `${table}: ${n}`);
    if (used.length === 0) {
      const removed = await tx
        .delete(transactions)
        .where(eq(transactions.portfolioId, portfolioId))
        .returning({ id: transactions.id });
      await tx.delete(portfolios).where(eq(portfolios.id, portfolioId));
      return { outcome: 'deleted', transactions: removed.length };
    }
    if (options.force !== true) {
      const state =
        portfolio.archivedAt === null
          ? `archive it instead with: portfolios remove ${portfolioId} --force (later nights leave it out; its books and results stay readable)`
          : `it is already archived since ${portfolio.archivedAt.toISOString()}`;
      throw new BooksEditError(
        'portfolio_in_use',
        `portfolio ${portfolioId} has stored results (${used.join(', ')}) that are never deleted; ${state}`,
      );
    }
    const [books] = await executeRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from transactions where portfolio_id = ${portfolioId}`,
    );
    const kept = { transactions: Number(books?.n ?? 0), ...references };
    if (portfolio.archivedAt !== null) {
      return { outcome: 'archived', archivedAt: portfolio.archivedAt, alreadyArchived: true, kept };
    }
    const [archived] = await tx
      .update(portfolios)
      .set({ archivedAt: sql`now()` })
      .where(eq(portfolios.id, portfolioId))
      .returning({ archivedAt: portfolios.archivedAt });
    return { outcome: 'archived', archivedAt: archived!.archivedAt!, alreadyArchived: false, kept };
  });
}

/**
 * Brings an archived portfolio back: `archived_at` cleared, so the next night values,
 * reconciles, rates and alerts it again. Refuses an unknown id (`unknown_portfolio`) and
 * an active one (`portfolio_not_archived`). Returns when it had been archived.
 */
export async function restorePortfolio(
  db: Database,
  portfolioId: string,
): Promise<{ archivedAt: Date }> {
  return db.drizzle.transaction(async (tx) => {
    const [portfolio] = await tx
      .select({ archivedAt: portfolios.archivedAt })
      .from(portfolios)
      .where(eq(portfolios.id, portfolioId))
      .for('update');
    if (portfolio === undefined) {
      throw new BooksEditError('unknown_portfolio', `portfolio ${portfolioId} does not exist`);
    }
    if (portfolio.archivedAt === null) {
      throw new BooksEditError(
        'portfolio_not_archived',
        `portfolio ${portfolioId} is not archived`,
      );
    }
    await tx.update(portfolios).set({ archivedAt: null }).where(eq(portfolios.id, portfolioId));
    return { archivedAt: portfolio.archivedAt };
  });
}
