/**
 * @truth-spine/ledger — a Beancount 2.3.5 reader (parser, booking, pad, balance checks,
 * validation) with the as-of queries the pipeline needs, and the reconciliation of a
 * portfolio's books against its ledger (docs/GLOSSARY.md: books vs ledger, break).
 */
export { Decimal } from './core/decimal.js';
export type * from './core/types.js';
export {
  atCost,
  Inventory,
  positionToString,
  costToString,
  type Position,
} from './core/inventory.js';
export {
  formatDiagnostic,
  LedgerFileError,
  type DiagnosticType,
  type LedgerDiagnostic,
} from './core/errors.js';
export type { LedgerOptions } from './parser/options.js';
export {
  loadLedgerFile,
  loadLedgerText,
  type LoadedLedger,
  type ReadText,
} from './loader/loadLedger.js';
export {
  ledgerChangedSince,
  ledgerDigest,
  loadFingerprintedLedger,
  type FingerprintedLedger,
  type LedgerFileFingerprint,
  type LedgerFingerprint,
} from './fingerprint/ledgerFingerprint.js';
export {
  fingerprintIfUnchanged,
  type LedgerReadSet,
} from './fingerprint/fingerprintIfUnchanged.js';
export { balancesAsOf, CONVERSIONS_ACCOUNT } from './queries/balancesAsOf.js';
export { inventoriesAsOf } from './queries/inventoriesAsOf.js';
export { holdingsAsOf, type Holding } from './queries/holdings.js';
export { cashAsOf, type CashBalance } from './queries/cash.js';
export {
  incomeByPeriod,
  DIVIDEND_ACCOUNTS,
  INTEREST_ACCOUNTS,
  type IncomeQuery,
  type PeriodIncome,
} from './queries/income.js';
export { realisedGains, type ClosedLot } from './queries/realisedGains.js';
export { PriceHistory, type PricePoint } from './queries/priceHistory.js';
export {
  ledgerMovements,
  ledgerPortfolio,
  ledgerPortfolioOf,
} from './reconciliation/ledgerPortfolio.js';
export { reconcile, VALUE_TOLERANCE_BP } from './reconciliation/reconcile.js';
export {
  foreignDividendInBase,
  type ForeignDividend,
  type FxRateOn,
} from './reconciliation/foreignDividend.js';
export type * from './reconciliation/types.js';
