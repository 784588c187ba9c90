import { CalendarMismatchError } from './calendarMismatchError.js';

/**
 * Places a dated series on a master calendar: `out[i]` is the value observed on
 * `calendar[i]`, or `NaN` (no observation) where the series has no row for that date.
 * Both day arrays must be ascending. Throws {@link CalendarMismatchError} naming the index
 * of the first series date that is not a calendar date (or repeats the previous one). O(n + m).
 *
 * @example alignToCalendar(Int32Array.of(1, 2, 3), Int32Array.of(1, 3), Float64Array.of(5, 7))
 *   // Float64Array [5, NaN, 7]
 */
export function alignToCalendar(
  calendar: Int32Array,
  days: Int32Array,
  values: Float64Array,
): Float64Array {
  const out = new Float64Array(calendar.length).fill(Number.NaN);
  let row = 0;
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    while (row < calendar.length && calendar[row]! < day) row++;
    if (row === calendar.length || calendar[row] !== day) throw new CalendarMismatchError(i, day);
    out[row++] = values[i]!;
  }
  return out;
}
