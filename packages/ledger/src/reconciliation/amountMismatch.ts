import type Big from 'big.js';
import type { BooksMovement, LedgerMovement, ReconciliationBreak } from './types.js';

/** What a break's search found: its reason, the transactions it names and a sentence. */
export type BreakFinding = Pick<
  ReconciliationBreak,
  'reason' | 'transaction' | 'booksTransaction' | 'explanation'
>;

/** A transaction's effect on the security or currency a break is about (undefined: none). */
export type MovementEffect = (m: LedgerMovement | BooksMovement) => Big | undefined;

/**
 * The same event booked with different amounts on the two sides: a ledger transaction and a
 * books row of the same date, both touching the break's security or currency, whose effects
 * on it differ by exactly `difference` (= ledger − books). The latest such pair is named —
 * e.g. a fee of 9.95 in the ledger against 4.95 in the books explains a cash break of
 * −5.00. Null when no pair does. `kind` is the break's reason when found
 * (`cash_mismatch` or `quantity_mismatch`); a cash pair whose ledger side converted
 * currency with `@` is the same conversion at another rate: `fx_mismatch`.
 */
export function amountMismatch(
  ledgerMovements: readonly LedgerMovement[],
  booksMovements: readonly BooksMovement[],
  effect: MovementEffect,
  difference: Big,
  what: string,
  kind: 'cash_mismatch' | 'quantity_mismatch',
): BreakFinding | null {
  for (let i = ledgerMovements.length - 1; i >= 0; i--) {
    const inLedger = ledgerMovements[i]!;
    const ledgerEffect = effect(inLedger);
    if (ledgerEffect === undefined) continue;
    const inBooks = booksMovements.find((m) => {
      if (m.date !== inLedger.date) return false;
      const booksEffect = effect(m);
      return booksEffect !== undefined && ledgerEffect.minus(booksEffect).eq(difference);
    });
    if (inBooks === undefined) continue;
    const fx = kind === 'cash_mismatch' && inLedger.converted;
    return {
      reason: fx ? 'fx_mismatch' : kind,
      transaction: inLedger,
      booksTransaction: inBooks,
      explanation:
        `${what}: the ledger transaction of ${inLedger.date} "${inLedger.narration}" ` +
        `(${inLedger.file}:${inLedger.line}) moves ${ledgerEffect}, the books row ` +
        `${inBooks.externalId} of ${inBooks.date} "${inBooks.description}" ${effect(inBooks)}: ` +
        `they differ by exactly the break, ${difference}` +
        (fx ? ' (the same conversion at another FX rate)' : ''),
    };
  }
  return null;
}
