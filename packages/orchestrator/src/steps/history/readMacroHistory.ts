import { epochDayToIso } from '@truth-spine/finance-core';
import type { Database } from '../../db/database.js';
import { onCalendar, type CalendarFill } from './onCalendar.js';

/**
 * FRED series levels on `calendar` from market_macro (one bulk query); a NULL value (FRED
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
  const rows = await db.query<{ series: string; d: string; value: string | null }>(
    `select series, date::text as d, value::text as value from market_macro
      where series = any($1::text[]) and date <= $2 order by series, date`,
    [series, epochDayToIso(calendar[calendar.length - 1]!)],
  );
  for (const id of series) {
    const mine = rows.filter((r) => r.series === id);
    out[id] = onCalendar(
      calendar,
      mine.map((r) => r.d),
      mine.map((r) => r.value),
      fill,
    );
  }
  return out;
}
