/** Transaction types of the books format (docs/DATA-FORMATS.md#books). */
export type BookType =
  'buy' | 'sell' | 'dividend' | 'interest' | 'fee' | 'deposit' | 'withdrawal' | 'split' | 'fx';

/** One row of `transactions/<ID>.csv`; every number a decimal string, blank when not applicable. */
export interface BookRow {
  readonly externalId: string;
  readonly tradeDate: string;
  readonly settleDate: string;
  readonly type: BookType;
  readonly symbol: string;
  readonly quantity: string;
  readonly price: string;
  /** Signed cash effect in `currency` (buy, fee, withdrawal negative). */
  readonly amount: string;
  readonly currency: string;
  readonly exDate: string;
  readonly payDate: string;
  readonly description: string;
}

/** A Beancount posting: units of a commodity, optionally held at cost and/or priced. */
export interface Posting {
  readonly account: string;
  readonly units: string;
  readonly commodity: string;
  /** Per-unit cost of the lot, with the lot date when reducing or re-creating a lot. */
  readonly cost?: { readonly number: string; readonly currency: string; readonly date?: string };
  /** `@` (per unit) or `@@` (total) price annotation. */
  readonly price?: { readonly number: string; readonly currency: string; readonly total: boolean };
}

/** Metadata line of a transaction; dates are written bare, strings quoted. */
export interface LedgerMeta {
  readonly key: string;
  readonly value: string;
  readonly kind: 'string' | 'date';
}

/** A balanced Beancount transaction. */
export interface LedgerTransaction {
  readonly date: string;
  readonly narration: string;
  readonly meta: readonly LedgerMeta[];
  readonly postings: readonly Posting[];
}

/**
 * One economic event in both representations: the book rows the platform loads and the
 * ledger transaction that must agree with them (an FX conversion is two rows, one txn).
 */
export interface JournalEntry {
  readonly rows: readonly BookRow[];
  readonly transaction: LedgerTransaction;
}

/** Account names of portfolio `id` (docs/DATA-FORMATS.md#ledgers). */
export function accountsOf(id: string) {
  return {
    cash: (currency: string) => `Assets:${id}:Cash:${currency}`,
    securities: (symbol: string) => `Assets:${id}:Securities:${symbol}`,
    dividends: (symbol: string) => `Income:${id}:Dividends:${symbol}`,
    interest: `Income:${id}:Interest`,
    capitalGains: `Income:${id}:CapitalGains`,
    fees: `Expenses:${id}:Fees`,
    contributions: `Equity:${id}:Contributions`,
  };
}
