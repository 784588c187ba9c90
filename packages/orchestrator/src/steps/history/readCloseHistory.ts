import { epochDayToIso } from '@truth-spine/finance-core';
import type { Database } from '../../db/database.js';
import { onCalendar, type CalendarFill } from './onCalendar.js';

/**
 * Closes of `symbols` on `calendar` from market_closes (one bulk query ordered by symbol
 * and date), as float64 with the given fill policy; a symbol without history maps to an
 * all-NaN series. Raw closes, in each symbol's own currency.
 *
 * @example (await readCloseHistory(db, ['SPY'], calendar, 'missing')).get('SPY')
 */
export async function readCloseHistory(
  db: Database,
  symbols: readonly string[],
  calendar: Int32Array,
  fill: CalendarFill,
): Promise<Map<string, Float64Array>> {
  const out = new Map<string, Float64Array>();
  if (symbols.length === 0 || calendar.length === 0) return out;
  const rows = await db.query<{ symbol: string; d: string; close: string }>(
    `select symbol, date::text as d, close::text as close from market_closes
      where symbol = any($1::text[]) and date <= $2 order by symbol, date`,
    [symbols, epochDayToIso(calendar[calendar.length - 1]!)],
  );
  let start = 0;
  while (start < rows.length) {
    const symbol = rows[start]!.symbol;
    let end = start;
    while (end < rows.length && rows[end]!.symbol === symbol) end++;
    const slice = rows.slice(start, end);
    out.set(
      symbol,
      onCalendar(
        calendar,
        slice.map((r) => r.d),
        slice.map((r) => r.close),
        fill,
      ),
    );
    start = end;
  }
  for (const symbol of symbols) {
    if (!out.has(symbol)) out.set(symbol, new Float64Array(calendar.length).fill(Number.NaN));
  }
  return out;
}
