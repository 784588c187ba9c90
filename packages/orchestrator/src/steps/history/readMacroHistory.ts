import { epochDayToIso } from '@truth-spine/finance-core';
import type { Database } from '@truth-spine/store';
import { readDatedSeries } from './readDatedSeries.js';
import { onCalendar, type CalendarFill } from './onCalendar.js';

/**
 * FRED series levels on `calendar` from market_macro (one aggregated row per series); a NULL value (FRED
 * ".") is a missing observation, never 0. Returns series id → levels (NaN = missing, or
 * carried forward with `carryForward`).
 *
 * @example (await readMacroHistory(db, ['DGS3MO'], calendar, 'carryForward'))['DGS3MO']
 */
export async function readMacroHistory(
  db: Database,
  series: readonly string[],
  calendar: Int32Array,
  fill: CalendarFill,
): Promise<Record<string, Float64Array>> {
  const out: Record<string, Float64Array> = {};
  if (calendar.length === 0) return out;
  const history = await readDatedSeries(
    db,
    { table: 'market_macro', key: 'series', value: 'value' },
    series,
    epochDayToIso(calendar[calendar.length - 1]!),
  );
  for (const id of series) {
    const observed = history.get(id) ?? { dates: [], values: [] };
    out[id] = onCalendar(calendar, observed.dates, observed.values, fill);
  }
  return out;
}
