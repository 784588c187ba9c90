import { createHash } from 'node:crypto';
import type { BookMovement } from './runningHoldings.js';

/**
 * A 52-bit fingerprint (exact in a float64, so it can be stored as a metric value) of the
 * transactions dated on or before `through`: SHA-256 over one canonical line per transaction
 * (trade date, type, symbol, quantity, amount, currency, in the books' order), first 13 hex
 * digits. Equal fingerprints ⇒ the history up to `through` was built from the same books,
 * so it may be extended by a day instead of recomputed.
 *
 * @example booksFingerprint(movements, '2024-03-07') // e.g. 2187654321098765
 */
export function booksFingerprint(movements: readonly BookMovement[], through: string): number {
  const hash = createHash('sha256');
  for (const m of movements) {
    if (m.tradeDate > through) break;
    hash.update(
      `${m.tradeDate}|${m.type}|${m.symbol ?? ''}|${m.quantity ?? ''}|${m.amount}|${m.currency}\n`,
    );
  }
  return Number.parseInt(hash.digest('hex').slice(0, 13), 16);
}
