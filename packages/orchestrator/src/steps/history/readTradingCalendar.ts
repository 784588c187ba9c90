import { isoToEpochDay } from '@truth-spine/finance-core';
import type { Database } from '@truth-spine/store';

/**
 * The trading calendar from market history: the dates in `[from, to]` on which the
 * calendar symbol (config `CALENDAR_SYMBOL`, default SPY) has a close, ascending, as epoch
 * days. One indexed range scan of market_closes.
 *
 * @example await readTradingCalendar(db, 'SPY', '2023-03-08', '2024-03-08')
 */
export async function readTradingCalendar(
  db: Database,
  symbol: string,
  from: string,
  to: string,
): Promise<Int32Array> {
  const rows = await db.query<{ d: string }>(
    `select date::text as d from market_closes where symbol = $1 and date between $2 and $3 order by date`,
    [symbol, from, to],
  );
  return Int32Array.from(rows, (row) => isoToEpochDay(row.d));
}
