/**
 * ISO calendar dates `YYYY-MM-DD` — the one set of date helpers of the workspace (the
 * orchestrator and the bench use these; the ledger's Beancount date syntax is its own).
 */

/** `YYYY-MM-DD`. */
export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!isoDatePattern.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

const dayMs = 86_400_000;

/** `date` plus `days` calendar days (negative for before), e.g. addDays('2024-02-28', 2) = '2024-03-01'. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

const newYorkDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The trading date of a US-market bar from its epoch-ms timestamp, read in New York time
 * (Polygon stamps daily stock bars at 00:00 or 16:00 ET). `1112331600000` → `2005-04-01`.
 */
export function newYorkDateOf(epochMs: number): string {
  return newYorkDate.format(epochMs);
}

/** The UTC calendar date of an epoch-ms timestamp (forex day bars). */
export function utcDateOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** True when `date` lies in the inclusive range. ISO dates compare as strings. */
export function inRange(date: string, from: string, to: string): boolean {
  return date >= from && date <= to;
}
