const dayMs = 86_400_000;

/** The ISO date `days` calendar days after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** True for a syntactically valid, real calendar date `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && addDays(text, 0) === text;
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
