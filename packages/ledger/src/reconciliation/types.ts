import type Big from 'big.js';

/**
 * Inputs and outputs of reconciliation (docs/GLOSSARY.md). All money, units, prices and rates
 * are big.js values; nothing here depends on the orchestrator.
 */

/** The platform's books for one portfolio on the as-of date. */
export interface PortfolioBooks {
  readonly portfolioId: string;
  readonly baseCurrency: string;
  /** Units per security symbol. */
  readonly positions: ReadonlyMap<string, Big>;
  /** Cash per currency. */
  readonly cash: ReadonlyMap<string, Big>;
  /** The portfolio's value in its base currency as the platform computed it. */
  readonly portfolioValue: Big;
  /** The books' transactions up to the date, if known: lets a break name one the ledger lacks. */
  readonly movements?: readonly BooksMovement[];
}

/** A transaction of the platform's books (a `transactions/<ID>.csv` row, docs/DATA-FORMATS.md#books). */
export interface BooksMovement {
  readonly externalId: string;
  readonly date: string;
  readonly description: string;
  /** Net cash effect per currency. */
  readonly cash: ReadonlyMap<string, Big>;
  /** Net units per security symbol. */
  readonly units: ReadonlyMap<string, Big>;
}

/** A split known to the pricing snapshot: `numerator`-for-`denominator` on `date`. */
export interface SplitEvent {
  readonly symbol: string;
  readonly date: string;
  readonly numerator: Big;
  readonly denominator: Big;
}

/** The one pricing snapshot (pack) both sides are valued with. */
export interface PricingSnapshot {
  /** Close per symbol, in the currency given. */
  readonly prices: ReadonlyMap<string, { readonly price: Big; readonly currency: string }>;
  /** Units of the base currency per one unit of each other currency. */
  readonly fxToBase: ReadonlyMap<string, Big>;
  readonly splits: readonly SplitEvent[];
}

/** A ledger transaction as reconciliation sees it: its effect on the portfolio. */
export interface LedgerMovement {
  readonly date: string;
  readonly file: string;
  readonly line: number;
  readonly narration: string;
  /** Net cash effect per currency on the portfolio's cash accounts. */
  readonly cash: ReadonlyMap<string, Big>;
  /** Net units per security symbol. */
  readonly units: ReadonlyMap<string, Big>;
  /** True when a posting converted currency with an `@` price (an FX conversion). */
  readonly converted: boolean;
}

/** The ledger's side on the as-of date, read by the account conventions of docs/DATA-FORMATS.md#ledgers. */
export interface LedgerPortfolio {
  readonly portfolioId: string;
  readonly positions: ReadonlyMap<string, Big>;
  readonly cash: ReadonlyMap<string, Big>;
  /** Every transaction dated ≤ the as-of date touching the portfolio, oldest first. */
  readonly movements: readonly LedgerMovement[];
}

/** Why a figure does not match. */
export type BreakReason =
  | 'missing_transaction'
  | 'quantity_mismatch'
  | 'cash_mismatch'
  | 'fx_mismatch'
  | 'corporate_action'
  | 'unknown_security';

/** One difference between books and ledger, with its size. */
export interface ReconciliationBreak {
  readonly reason: BreakReason;
  /** `security` breaks name a symbol, `cash` breaks a currency. */
  readonly kind: 'security' | 'cash';
  readonly key: string;
  readonly ledger: Big;
  readonly books: Big;
  /** |ledger − books| valued in the base currency; null when it cannot be priced. */
  readonly sizeBase: Big | null;
  /** sizeBase ÷ portfolio value × 10 000; null when either is unknown or the value is zero. */
  readonly sizeBp: Big | null;
  /** The ledger transaction the break points at (the books lack it), if any. */
  readonly transaction: LedgerMovement | null;
  /** The books transaction the break points at (the ledger lacks it), if any. */
  readonly booksTransaction: BooksMovement | null;
  /** A sentence for the person who has to fix it. */
  readonly explanation: string;
}

/** The verdict for one portfolio. */
export interface ReconciliationResult {
  readonly portfolioId: string;
  readonly baseCurrency: string;
  /** `reconciled` only when there is no break and the value is within tolerance. */
  readonly verdict: 'reconciled' | 'broken';
  /** The ledger's positions and cash valued with the snapshot, in base currency. */
  readonly ledgerValue: Big | null;
  readonly booksValue: Big;
  /** (ledgerValue − booksValue) ÷ booksValue × 10 000. */
  readonly valueDifferenceBp: Big | null;
  readonly valueWithinTolerance: boolean;
  readonly breaks: readonly ReconciliationBreak[];
}
