/** The workspace's ISO date helpers (`@truth-spine/providers`), used by the demo-data builders. */
export { addDays, daysBetween, isIsoDate } from '@truth-spine/providers';

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
