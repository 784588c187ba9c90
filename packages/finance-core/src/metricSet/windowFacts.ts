import { epochDayToIso } from '../dates/epochDayToIso.js';
import type { RowRange } from '../dates/rowRange.js';
import type { WindowFacts } from './metricSet.js';

/**
 * The window facts of a record: first and last calendar row of `range` (null when the
 * range is empty), its row count and the number of observations `nObs`.
 *
 * @example windowFacts(calendar, { start: 0, end: 30 }, 28) // { first_date, last_date, n_rows: 30, n_obs: 28 }
 */
export function windowFacts(calendar: Int32Array, range: RowRange, nObs: number): WindowFacts {
  const empty = range.end <= range.start;
  return {
    first_date: empty ? null : epochDayToIso(calendar[range.start]!),
    last_date: empty ? null : epochDayToIso(calendar[range.end - 1]!),
    n_rows: range.end - range.start,
    n_obs: nObs,
  };
}
