const dayMs = 86_400_000;

/** The ISO date `days` calendar days after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a syntactically valid, real calendar date `YYYY-MM-DD` (leap years included). */
export function isIsoDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (monthDays[month - 1] ?? 0);
  return day >= 1 && day <= days;
}

/**
 * The latest entry of an ascending date list at or before `date`, found by binary search;
 * `undefined` when every entry is later.
 */
export function latestOnOrBefore(
  ascendingDates: readonly string[],
  date: string,
): string | undefined {
  let lo = 0;
  let hi = ascendingDates.length - 1;
  let found: string | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = ascendingDates[mid] as string;
    if (candidate <= date) {
      found = candidate;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
