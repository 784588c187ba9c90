import Big from 'big.js';
import { and, eq, inArray } from 'drizzle-orm';
import { basename, dirname } from 'node:path';
import type { Database } from '@truth-spine/store';
import { portfolios, securities, transactions } from '@truth-spine/store/schema';
import { BooksEditError } from './booksEditError.js';
import { BooksError, type BookProblem } from './booksError.js';
import type { BookTransaction } from './bookRecords.js';
import { todayUtc } from './readBooks.js';
import { readTransactionsFile } from './readTransactionsFile.js';
import type { BooksMarketFacts } from './transactionMarketRules.js';

/** What an import did (or, on a dry run, would do), row by row. */
export interface TransactionsImportReport {
  readonly portfolioId: string;
  readonly file: string;
  readonly dryRun: boolean;
  /** External ids new to the portfolio. */
  readonly added: readonly string[];
  /** The rows behind `added`, in file order (what a dry run would write). */
  readonly addedRows: readonly BookTransaction[];
  /** External ids stored with exactly the same fields. */
  readonly unchanged: readonly string[];
  /** External ids stored with other fields: the file's fields replace them. */
  readonly changed: readonly ChangedTransaction[];
  /** The portfolio's inception moved back to its earliest trade date, or null. */
  readonly inceptionMovedTo: string | null;
}

/** A stored transaction whose fields the file changes: column → [stored, file]. */
export interface ChangedTransaction {
  readonly externalId: string;
  readonly fields: Readonly<Record<string, readonly [string | null, string | null]>>;
}

const comparedFields = [
  'tradeDate',
  'settleDate',
  'type',
  'symbol',
  'quantity',
  'price',
  'amount',
  'currency',
  'exDate',
  'payDate',
  'description',
] as const satisfies readonly (keyof BookTransaction)[];
const decimalFields = new Set<string>(['quantity', 'price', 'amount']);
const chunkSize = 1_000;

/**
 * Imports a transactions CSV (docs/TRANSACTIONS-CSV.md header) into portfolio `portfolioId`:
 * validates every row first ({@link readTransactionsFile}: symbols must be in the
 * store's securities, currencies theirs and convertible with `fxPairs`, no trade after
 * `today`, amounts = quantity × price) and throws {@link BooksError} naming file, line and column
 * without writing anything; then classifies rows by external id (added / unchanged /
 * changed; decimals compared by value) and, unless `dryRun`, writes added and changed
 * rows in ONE transaction. Stored rows absent from the file are kept (an export may
 * cover only a period). Re-importing the same file changes nothing. If a row predates
 * the portfolio's inception, the inception moves back to the earliest trade date.
 */
export async function importTransactions(
  db: Database,
  options: { portfolioId: string; file: string; dryRun: boolean } & BooksMarketOptions,
): Promise<TransactionsImportReport> {
  const rows = await validatedRows(db, options);
  return writeTransactions(db, options.portfolioId, options.file, rows, options.dryRun);
}

/**
 * Classifies already-validated rows of one portfolio against the store and, unless
 * `dryRun`, writes added and changed rows (and an earlier inception) in one transaction.
 */
export async function writeTransactions(
  db: Database,
  portfolioId: string,
  file: string,
  rows: readonly BookTransaction[],
  dryRun: boolean,
): Promise<TransactionsImportReport> {
  return db.drizzle.transaction(async (tx) => {
    const [portfolio] = await tx
      .select({ inception: portfolios.inception, archivedAt: portfolios.archivedAt })
      .from(portfolios)
      .where(eq(portfolios.id, portfolioId))
      .for('update');
    if (portfolio === undefined) throw unknownPortfolio(portfolioId);
    if (portfolio.archivedAt !== null) throw archivedPortfolio(portfolioId, portfolio.archivedAt);
    const stored = new Map<string, BookTransaction>();
    for (const ids of chunks(rows.map((r) => r.externalId))) {
      const found = await tx
        .select()
        .from(transactions)
        .where(
          and(eq(transactions.portfolioId, portfolioId), inArray(transactions.externalId, ids)),
        );
      for (const row of found) stored.set(row.externalId, row);
    }
    const added: BookTransaction[] = [];
    const changedRows: BookTransaction[] = [];
    const unchanged: string[] = [];
    const changed: ChangedTransaction[] = [];
    for (const row of rows) {
      const before = stored.get(row.externalId);
      if (before === undefined) {
        added.push(row);
        continue;
      }
      const fields = differences(before, row);
      if (Object.keys(fields).length === 0) unchanged.push(row.externalId);
      else {
        changed.push({ externalId: row.externalId, fields });
        changedRows.push(row);
      }
    }
    const earliest = rows.reduce<string | null>(
      (min, r) => (min === null || r.tradeDate < min ? r.tradeDate : min),
      null,
    );
    const inceptionMovedTo = earliest !== null && earliest < portfolio.inception ? earliest : null;
    if (!dryRun) {
      for (const batch of chunks(added)) await tx.insert(transactions).values([...batch]);
      for (const row of changedRows) {
        await tx
          .update(transactions)
          .set(row)
          .where(
            and(
              eq(transactions.portfolioId, portfolioId),
              eq(transactions.externalId, row.externalId),
            ),
          );
      }
      if (inceptionMovedTo !== null) {
        await tx
          .update(portfolios)
          .set({ inception: inceptionMovedTo })
          .where(eq(portfolios.id, portfolioId));
      }
    }
    return {
      portfolioId,
      file,
      dryRun,
      added: added.map((r) => r.externalId),
      addedRows: added,
      unchanged,
      changed,
      inceptionMovedTo,
    };
  });
}

/** The market facts books edits are checked against (see {@link BooksMarketFacts}). */
export interface BooksMarketOptions {
  /** FX pairs of the configured market data (`EURUSD`); absent/null = not checked. */
  readonly fxPairs?: ReadonlySet<string> | null;
  /** Today, YYYY-MM-DD (default: the UTC date now). */
  readonly today?: string;
}

/**
 * The facts rows of portfolio `portfolioId` are checked against: its base currency and
 * the stored securities, with how to add a missing one from the command line.
 */
export async function storedMarketFacts(
  db: Database,
  portfolioId: string,
  options: BooksMarketOptions,
): Promise<{ baseCurrency: string; facts: BooksMarketFacts }> {
  const [portfolio] = await db.drizzle
    .select({ baseCurrency: portfolios.baseCurrency, archivedAt: portfolios.archivedAt })
    .from(portfolios)
    .where(eq(portfolios.id, portfolioId));
  if (portfolio === undefined) throw unknownPortfolio(portfolioId);
  if (portfolio.archivedAt !== null) throw archivedPortfolio(portfolioId, portfolio.archivedAt);
  const stored = await db.drizzle
    .select({
      symbol: securities.symbol,
      currency: securities.currency,
      underlyingCurrency: securities.underlyingCurrency,
    })
    .from(securities);
  return {
    baseCurrency: portfolio.baseCurrency,
    facts: {
      securities: new Map(stored.map((s) => [s.symbol, s])),
      addSecurityHint: (symbol) => `add it first with: securities add ${symbol} --currency CCY`,
      fxPairs: options.fxPairs ?? null,
      today: options.today ?? todayUtc(),
    },
  };
}

async function validatedRows(
  db: Database,
  options: { portfolioId: string; file: string } & BooksMarketOptions,
): Promise<BookTransaction[]> {
  const { portfolioId, file } = options;
  const { baseCurrency, facts } = await storedMarketFacts(db, portfolioId, options);
  const problems: BookProblem[] = [];
  const rows = await readTransactionsFile(
    dirname(file),
    basename(file),
    { id: portfolioId, baseCurrency },
    facts,
    (p) => {
      if (problems.length < 100) problems.push(p);
    },
  );
  if (problems.length > 0) throw new BooksError(dirname(file), problems);
  return rows;
}

function differences(
  before: BookTransaction,
  after: BookTransaction,
): Record<string, readonly [string | null, string | null]> {
  const fields: Record<string, readonly [string | null, string | null]> = {};
  for (const name of comparedFields) {
    const a = before[name];
    const b = after[name];
    const same =
      a === b || (decimalFields.has(name) && a !== null && b !== null && new Big(a).eq(new Big(b)));
    if (!same) fields[name] = [a, b];
  }
  return fields;
}

function unknownPortfolio(id: string): BooksEditError {
  return new BooksEditError(
    'unknown_portfolio',
    `portfolio ${id} does not exist (add it with: portfolios add ${id} --base-currency … --benchmark …)`,
  );
}

/** An archived portfolio takes no new transactions: it has left the nightly universe. */
function archivedPortfolio(id: string, archivedAt: Date): BooksEditError {
  return new BooksEditError(
    'portfolio_archived',
    `portfolio ${id} is archived (since ${archivedAt.toISOString()}) and takes no transactions; bring it back first with: portfolios restore ${id}`,
  );
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += chunkSize) out.push(rows.slice(i, i + chunkSize));
  return out;
}
