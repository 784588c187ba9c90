import type { Directive } from '../core/types.js';

const TYPE_ORDER: Partial<Record<Directive['type'], number>> = {
  Open: -2,
  Balance: -1,
  Document: 1,
  Close: 2,
};

/**
 * Beancount's `entry_sortkey`: by date, then opens, balances, everything else,
 * documents, closes, then line number. Balances therefore see the state at the start
 * of their date. Returns a comparator for a stable sort.
 */
export function compareEntries(
  a: Pick<Directive, 'date' | 'type' | 'line'>,
  b: Pick<Directive, 'date' | 'type' | 'line'>,
): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const byType = (TYPE_ORDER[a.type] ?? 0) - (TYPE_ORDER[b.type] ?? 0);
  return byType !== 0 ? byType : a.line - b.line;
}

/** True when `account` is `parent` or one of its sub-accounts. */
export function isSameOrChild(account: string, parent: string): boolean {
  return (
    account === parent ||
    (account.length > parent.length &&
      account.charCodeAt(parent.length) === 58 &&
      account.startsWith(parent))
  );
}
