import { addDays } from '@truth-spine/orchestrator';
import type { MarketSources } from './marketSources.js';

/**
 * The last weekday strictly before the calendar day `now` falls on in `timeZone`
 * (`YYYY-MM-DD`). A cron tick at 00:05 on Tuesday gives Monday; on Monday, Friday.
 * Holidays are left to build_pack, which skips a date its calendar symbol did not trade.
 */
export function lastWeekdayBefore(now: Date, timeZone: string): string {
  let date = addDays(calendarDay(now, timeZone), -1);
  while (isWeekend(date)) date = addDays(date, -1);
  return date;
}

/**
 * The date a nightly run defaults to: with offline data, the data set's last day (its
 * manifest's `calendar.last`); with live providers, {@link lastWeekdayBefore} `now`.
 */
export async function defaultNightlyDate(
  sources: Pick<MarketSources, 'replay'>,
  now: Date,
  timeZone: string,
): Promise<string> {
  if (sources.replay !== null) return (await sources.replay.manifest()).calendar.last;
  return lastWeekdayBefore(now, timeZone);
}

/** The calendar day of `instant` in `timeZone`, `YYYY-MM-DD`. */
export function calendarDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

function isWeekend(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}
