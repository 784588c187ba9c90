import type { Decimal } from '../core/decimal.js';
import type { Directive, Meta, SourceLocation } from '../core/types.js';

/**
 * What the parser hands to booking: postings as written, with any of their numbers or
 * currencies possibly left out (Beancount's "incomplete" postings) and costs as specs.
 */

/**
 * A `{…}` / `{{…}}` as written; any part may be missing. `numberPer` null means "to be
 * inferred" (Beancount's MISSING); `numberTotal` null means "not given".
 */
export interface CostSpec {
  readonly numberPer: Decimal | null;
  readonly numberTotal: Decimal | null;
  readonly currency: string | null;
  readonly date: string | null;
  readonly label: string | null;
  readonly merge: boolean;
}

/** An `@` / `@@` annotation as written. */
export interface PriceSpec {
  readonly number: Decimal | null;
  readonly currency: string | null;
  readonly isTotal: boolean;
}

/** A posting before booking and interpolation. */
export interface IncompletePosting extends SourceLocation {
  readonly account: string;
  readonly number: Decimal | null;
  readonly currency: string | null;
  readonly cost: CostSpec | null;
  readonly price: PriceSpec | null;
  readonly flag: string | null;
  readonly meta: Meta;
}

/** A transaction as parsed, before booking. */
export interface ParsedTransaction extends SourceLocation {
  readonly type: 'Transaction';
  readonly date: string;
  readonly meta: Meta;
  readonly flag: string;
  readonly payee: string | null;
  readonly narration: string;
  readonly tags: readonly string[];
  readonly links: readonly string[];
  readonly postings: readonly IncompletePosting[];
}

/** Any directive as parsed: transactions still need booking, others are final. */
export type ParsedDirective = Exclude<Directive, { type: 'Transaction' }> | ParsedTransaction;
