/**
 * @truth-spine/books — the books: what each portfolio holds according to us (portfolios,
 * securities, transactions), as opposed to the Beancount ledger it is reconciled against.
 * Reading a books directory (portfolios.json, securities.csv, transactions/*.csv), loading
 * it into the store, importing transactions from CSV or from a ledger, editing portfolios
 * and securities, and the holdings the transactions imply on a date. It knows tables and
 * files, not steps: nothing here decides what a night computes.
 */
export { loadBooks, type BooksLoadResult } from './loadBooks.js';
export { readBooks, type BooksReadOptions } from './readBooks.js';
export type { BookPortfolio, Books, BookSecurity, BookTransaction } from './bookRecords.js';
export type { SecurityFields } from './securityFromFields.js';
export { offlineFxPairs } from './offlineFxPairs.js';
export { isCurrencyCode, minorUnitDigitsOf, roundToMinorUnit } from './currencyCodes.js';
export { checkTransactionMarket, type BooksMarketFacts } from './transactionMarketRules.js';
export { BooksError, formatBookProblem, type BookProblem } from './booksError.js';
export { BooksEditError, type BooksEditRefusal } from './booksEditError.js';
export {
  importTransactions,
  type BooksMarketOptions,
  type ChangedTransaction,
  type TransactionsImportReport,
} from './importTransactions.js';
export { importLedger, type LedgerImportReport } from './importLedger.js';
export {
  transactionsFromLedger,
  type LedgerMapping,
  type SkippedLedgerEntry,
} from './transactionsFromLedger.js';
export {
  addPortfolio,
  listPortfolios,
  portfolioReferences,
  removePortfolio,
  restorePortfolio,
  type PortfolioListing,
  type PortfolioReferences,
  type PortfolioRemoval,
} from './portfolioRecords.js';
export { activePortfolioSql, isActivePortfolio } from './activePortfolios.js';
export { addSecurity, listSecurities } from './securityRecords.js';

export { holdingsOnDate, type HoldingMovement, type Holdings } from './holdingsOnDate.js';
// the CSV parser the books are read with, for callers that read a books-style CSV themselves
export { CsvSyntaxError, parseCsv, type CsvRecord, type CsvTable } from '@truth-spine/csv';
