import { inArray, max } from 'drizzle-orm';
import type { Database } from '@truth-spine/store';
import { runs } from '@truth-spine/store/schema';
import { addDays } from './isoDate.js';

/**
 * The dates a runner that was down should run at start (docs/PIPELINE.md, catch-up):
 * every calendar date after `lastDone` up to and including `through`, at most the
 * latest `maxDays` of them, ascending. With no date done yet, only `through`. Non-trading
 * days among them are skipped by build_pack and so cost nothing. Pure.
 * Example: catchUpDates('2024-03-25', '2024-03-28', 2) → ['2024-03-27', '2024-03-28'].
 */
export function catchUpDates(lastDone: string | null, through: string, maxDays: number): string[] {
  if (maxDays <= 0) return [];
  if (lastDone === null) return [through];
  const dates: string[] = [];
  for (let d = through; d > lastDone && dates.length < maxDays; d = addDays(d, -1)) {
    dates.push(d);
  }
  return dates.reverse();
}

/**
 * {@link catchUpDates} from the store: `lastDone` is the newest as-of date whose run
 * succeeded or was skipped.
 */
export async function datesToCatchUp(
  db: Database,
  through: string,
  maxDays: number,
): Promise<string[]> {
  const [row] = await db.drizzle
    .select({ lastDone: max(runs.asOf) })
    .from(runs)
    .where(inArray(runs.status, ['succeeded', 'skipped']));
  return catchUpDates(row?.lastDone ?? null, through, maxDays);
}
