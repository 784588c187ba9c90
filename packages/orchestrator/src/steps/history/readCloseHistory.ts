import { epochDayToIso } from '@truth-spine/finance-core';
import type { Database } from '@truth-spine/store';
import { onCalendar, type CalendarFill } from './onCalendar.js';
import { readDatedSeries } from './readDatedSeries.js';

/**
 * Closes of `symbols` on `calendar` from market_closes (one aggregated row per symbol,
 * {@link readDatedSeries}), as float64 with the given fill policy; a symbol without history maps to an
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
  const history = await readDatedSeries(
    db,
    { table: 'market_closes', key: 'symbol', value: 'close' },
    symbols,
    epochDayToIso(calendar[calendar.length - 1]!),
  );
  for (const [symbol, observed] of history) {
    out.set(symbol, onCalendar(calendar, observed.dates, observed.values, fill));
  }
  for (const symbol of symbols) {
    if (!out.has(symbol)) out.set(symbol, new Float64Array(calendar.length).fill(Number.NaN));
  }
  return out;
}
