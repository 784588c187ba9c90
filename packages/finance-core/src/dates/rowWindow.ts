import type { RowRange } from './rowRange.js';

/**
 * The last `rows` calendar rows ending with row `endInclusive` (CONVENTIONS: 30d/60d/90d
 * windows count business-day rows of the master calendar, observed or not). `null` when
 * fewer than `rows` rows exist at or after `firstRow` (insufficient history).
 *
 * @example rowWindow(99, 30, 0) // { start: 70, end: 100 }
 */
export function rowWindow(endInclusive: number, rows: number, firstRow: number): RowRange | null {
  const start = endInclusive + 1 - rows;
  return start < firstRow ? null : { start, end: endInclusive + 1 };
}
