import { epochDayToCivil } from './epochDayToCivil.js';

/** Days 0 … 2^16 − 1 (1970-01-01 … 2149-06-06) are memoised in a flat table. */
const TABLE_DAYS = 1 << 16;
/** Formatted days by epoch day, '' until first asked; created on first use. */
let table: string[] | null = null;
/** Memo of the days outside the table, bounded. */
const others = new Map<number, string>();
const MAX_OTHERS = 1 << 12;

/**
 * The `YYYY-MM-DD` form of a day count since 1970-01-01. Results are memoised (a flat
 * table indexed by day for 1970–2149, a bounded map otherwise; invisible to callers: the
 * same day always gives the same string), because metric sets format the same few
 * thousand days over and over.
 *
 * @example epochDayToIso(0) // '1970-01-01'
 */
export function epochDayToIso(epochDay: number): string {
  if (epochDay >= 0 && epochDay < TABLE_DAYS && Number.isInteger(epochDay)) {
    table ??= new Array<string>(TABLE_DAYS).fill('');
    const known = table[epochDay]!;
    if (known !== '') return known;
    return (table[epochDay] = format(epochDay));
  }
  const known = others.get(epochDay);
  if (known !== undefined) return known;
  const iso = format(epochDay);
  if (others.size < MAX_OTHERS) others.set(epochDay, iso);
  return iso;
}

function format(epochDay: number): string {
  const { year, month, day } = epochDayToCivil(epochDay);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
