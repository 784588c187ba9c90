import type { Decimal } from './decimal.js';

/**
 * The data model of a loaded ledger, after Beancount's `beancount.core.data`: every
 * directive carries the file and line it came from. Dates are ISO `YYYY-MM-DD` strings
 * (they sort correctly as strings); numbers are {@link Decimal}.
 */

/** Where a directive or posting was written. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/** A number with its commodity, e.g. `100.00 USD`. */
export interface Amount {
  readonly number: Decimal;
  readonly currency: string;
}

/** The cost of a lot: per-unit number, currency, acquisition date and optional label. */
export interface Cost {
  readonly number: Decimal;
  readonly currency: string;
  readonly date: string;
  readonly label: string | null;
}

/** A metadata value with the Beancount type it was written as. */
export type MetaValue =
  | { readonly type: 'str' | 'account' | 'currency' | 'tag' | 'date'; readonly value: string }
  | { readonly type: 'number'; readonly value: Decimal }
  | { readonly type: 'amount'; readonly value: Amount }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'null'; readonly value: null };

/** `key: value` lines under a directive or posting, in written order. */
export type Meta = ReadonlyMap<string, MetaValue>;

/** A booked posting: units, the lot's cost when held at cost, and a per-unit price. */
export interface Posting {
  readonly account: string;
  readonly units: Amount;
  readonly cost: Cost | null;
  readonly price: Amount | null;
  readonly flag: string | null;
  readonly meta: Meta;
  /** True when Beancount's interpolation filled this posting's amount. */
  readonly automatic: boolean;
}

interface DirectiveBase extends SourceLocation {
  readonly date: string;
  readonly meta: Meta;
}

/** Booking methods of Beancount 2.3.5 (`AVERAGE` is parsed but cannot reduce). */
export type BookingMethod = 'STRICT' | 'FIFO' | 'LIFO' | 'NONE' | 'AVERAGE';

export interface Open extends DirectiveBase {
  readonly type: 'Open';
  readonly account: string;
  readonly currencies: readonly string[] | null;
  readonly booking: BookingMethod | null;
}

export interface Close extends DirectiveBase {
  readonly type: 'Close';
  readonly account: string;
}

export interface Commodity extends DirectiveBase {
  readonly type: 'Commodity';
  readonly currency: string;
}

export interface Transaction extends DirectiveBase {
  readonly type: 'Transaction';
  readonly flag: string;
  readonly payee: string | null;
  readonly narration: string;
  readonly tags: readonly string[];
  readonly links: readonly string[];
  readonly postings: readonly Posting[];
}

export interface Price extends DirectiveBase {
  readonly type: 'Price';
  readonly currency: string;
  readonly amount: Amount;
}

export interface Balance extends DirectiveBase {
  readonly type: 'Balance';
  readonly account: string;
  readonly amount: Amount;
  readonly tolerance: Decimal | null;
  /** Accumulated minus expected when the assertion failed, else null. */
  readonly diffAmount: Amount | null;
}

export interface Pad extends DirectiveBase {
  readonly type: 'Pad';
  readonly account: string;
  readonly sourceAccount: string;
}

export interface Note extends DirectiveBase {
  readonly type: 'Note';
  readonly account: string;
  readonly comment: string;
}

export interface Event extends DirectiveBase {
  readonly type: 'Event';
  readonly eventType: string;
  readonly description: string;
}

export interface Document extends DirectiveBase {
  readonly type: 'Document';
  readonly account: string;
  readonly filename: string;
}

export interface Query extends DirectiveBase {
  readonly type: 'Query';
  readonly name: string;
  readonly queryString: string;
}

export interface Custom extends DirectiveBase {
  readonly type: 'Custom';
  readonly customType: string;
  readonly values: readonly MetaValue[];
}

/** Every directive a loaded ledger can hold. */
export type Directive =
  | Open
  | Close
  | Commodity
  | Transaction
  | Price
  | Balance
  | Pad
  | Note
  | Event
  | Document
  | Query
  | Custom;
