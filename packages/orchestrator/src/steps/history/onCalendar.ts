import { isoToEpochDay } from '@truth-spine/finance-core';

/** How {@link onCalendar} fills calendar rows without an observation of their own. */
export type CalendarFill = 'missing' | 'carryForward';

/**
 * Places dated observations (`dates` ascending ISO days, `values` decimals as strings) on a
 * trading calendar (ascending epoch days). `missing`: a row without an observation is NaN.
 * `carryForward`: it takes the last observation dated on or before it (e.g. ECB FX on a
 * NYSE day with no ECB fixing); rows before the first observation stay NaN. Observations on
 * dates that are not calendar rows only feed carry-forward. Decimals become float64 here:
 * history is for statistics (exact money uses big.js elsewhere). O(n + m).
 *
 * @example onCalendar(cal, ['2024-01-02'], ['1.1'], 'carryForward')
 */
export function onCalendar(
  calendar: Int32Array,
  dates: readonly string[],
  values: readonly (string | null)[],
  fill: CalendarFill,
): Float64Array {
  const out = new Float64Array(calendar.length).fill(Number.NaN);
  let next = 0;
  let last = Number.NaN;
  for (let row = 0; row < calendar.length; row++) {
    const day = calendar[row]!;
    let observedToday = false;
    while (next < dates.length && isoToEpochDay(dates[next]!) <= day) {
      const text = values[next];
      const value = text === null || text === undefined ? Number.NaN : Number(text);
      if (!Number.isNaN(value)) {
        last = value;
        observedToday = isoToEpochDay(dates[next]!) === day;
      }
      next++;
    }
    if (observedToday || fill === 'carryForward') out[row] = last;
  }
  return out;
}
