import { epochDayToCivil } from './epochDayToCivil.js';

/** Memo of formatted dates: metric sets format the same few thousand days over and over. */
const formatted = new Map<number, string>();
const MAX_MEMO = 1 << 16;

/**
 * The `YYYY-MM-DD` form of a day count since 1970-01-01. Results are memoised (a bounded
 * cache, invisible to callers: the same day always gives the same string).
 *
 * @example epochDayToIso(0) // '1970-01-01'
 */
export function epochDayToIso(epochDay: number): string {
  const known = formatted.get(epochDay);
  if (known !== undefined) return known;
  const { year, month, day } = epochDayToCivil(epochDay);
  const iso = `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
  if (formatted.size < MAX_MEMO) formatted.set(epochDay, iso);
  return iso;
}
