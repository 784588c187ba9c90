import { firstRowAfter } from './firstRowAfter.js';
import type { RowRange } from './rowRange.js';

/**
 * The rows of the calendar period `(anchorDay, asOfDay]` among `days[from..to)` (ascending
 * epoch days), found by binary search. The range may be empty (`start === end`).
 *
 * @example calendarWindow(Int32Array.of(1, 2, 3, 4), 1, 3, 0, 4) // { start: 1, end: 3 }
 */
export function calendarWindow(
  days: Int32Array,
  anchorDay: number,
  asOfDay: number,
  from: number,
  to: number,
): RowRange {
  const end = firstRowAfter(days, asOfDay, from, to);
  return { start: Math.min(firstRowAfter(days, anchorDay, from, end), end), end };
}
