import { eq, inArray } from 'drizzle-orm';
import { formatDiagnostic, loadLedgerFile } from '@truth-spine/ledger';
import type { Database } from '@truth-spine/store';
import { portfolios, securities } from '@truth-spine/store/schema';
import { BooksEditError } from './booksEditError.js';
import { BooksError, type BookProblem } from './booksError.js';
import {
  storedMarketFacts,
  writeTransactions,
  type BooksMarketOptions,
  type TransactionsImportReport,
} from './importTransactions.js';
import { checkTransactionMarket } from './transactionMarketRules.js';
import { transactionsFromLedger, type LedgerMapping } from './transactionsFromLedger.js';

/** What bootstrapping books from a ledger mapped, skipped and wrote. */
export interface LedgerImportReport extends TransactionsImportReport {
  readonly mapped: LedgerMapping['mapped'];
  readonly skipped: LedgerMapping['skipped'];
  readonly otherTransactions: number;
}

/**
 * Bootstraps a portfolio's books from its Beancount ledger: loads the ledger with
 * `@truth-spine/ledger` (a ledger with errors is refused, listing the first ones), maps
 * it with {@link transactionsFromLedger}, checks every traded symbol is a stored
 * security ({@link BooksEditError} `unknown_security` lists the missing ones), checks
 * every mapped row against the market like a CSV row (`checkTransactionMarket`; a
 * {@link BooksError} names the ledger's file and line), then writes like a CSV import: idempotent by external id, one transaction, nothing on
 * `dryRun`.
 */
export async function importLedger(
  db: Database,
  options: { portfolioId: string; ledgerFile: string; dryRun: boolean } & BooksMarketOptions,
): Promise<LedgerImportReport> {
  const [portfolio] = await db.drizzle
    .select({ id: portfolios.id })
    .from(portfolios)
    .where(eq(portfolios.id, options.portfolioId));
  if (portfolio === undefined) {
    throw new BooksEditError(
      'unknown_portfolio',
      `portfolio ${options.portfolioId} does not exist (add it with: portfolios add ${options.portfolioId} --base-currency … --benchmark …)`,
    );
  }
  const ledger = loadLedgerFile(options.ledgerFile);
  if (ledger.errors.length > 0) {
    const shown = ledger.errors.slice(0, 5).map((e) => `  ${formatDiagnostic(e)}`);
    throw new BooksEditError(
      'invalid_ledger',
      [`${options.ledgerFile} has ${ledger.errors.length} error(s):`, ...shown].join('\n'),
    );
  }
  const mapping = transactionsFromLedger(ledger.entries, options.portfolioId);
  const symbols = [...new Set(mapping.rows.flatMap((r) => (r.symbol === null ? [] : [r.symbol])))];
  const known =
    symbols.length === 0
      ? []
      : await db.drizzle
          .select({ symbol: securities.symbol })
          .from(securities)
          .where(inArray(securities.symbol, symbols));
  const knownSet = new Set(known.map((k) => k.symbol));
  const missing = symbols.filter((s) => !knownSet.has(s)).sort();
  if (missing.length > 0) {
    throw new BooksEditError(
      'unknown_security',
      `${options.ledgerFile}: securities ${missing.join(', ')} are not stored (add each with: securities add SYMBOL --currency …)`,
    );
  }
  const { baseCurrency, facts } = await storedMarketFacts(db, options.portfolioId, options);
  const problems: BookProblem[] = [];
  mapping.rows.forEach((row, index) => {
    const origin = mapping.origins[index];
    checkTransactionMarket(row, baseCurrency, facts, (column, message) =>
      problems.push({
        file: origin?.file ?? options.ledgerFile,
        line: origin?.line ?? null,
        column: `${column} of the ${row.type} ${row.externalId}`,
        message,
      }),
    );
  });
  if (problems.length > 0) throw new BooksError(options.ledgerFile, problems.slice(0, 100));
  const written = await writeTransactions(
    db,
    options.portfolioId,
    options.ledgerFile,
    mapping.rows,
    options.dryRun,
  );
  return {
    ...written,
    mapped: mapping.mapped,
    skipped: mapping.skipped,
    otherTransactions: mapping.otherTransactions,
  };
}
