import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { factorExposures } from '../../db/schema.js';
import type { FactorExposureRow } from './factorExposureRows.js';

/** Rows per insert statement (drizzle renders VALUES lists; keep each statement small). */
const CHUNK = 1000;

/**
 * Upserts factor_exposures rows by (pack, portfolio, window, factor). Through drizzle's
 * builder rather than `insertRows`, because `window` is a reserved word that insertRows
 * does not quote (reported to the lead: quoting identifiers there would allow the unnest path).
 */
export async function writeFactorExposures(
  executor: Executor,
  rows: readonly FactorExposureRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await executor
      .insert(factorExposures)
      .values(rows.slice(start, start + CHUNK))
      .onConflictDoUpdate({
        target: [
          factorExposures.packId,
          factorExposures.portfolioId,
          factorExposures.window,
          factorExposures.factor,
        ],
        set: {
          loading: sql`excluded.loading`,
          standardError: sql`excluded.standard_error`,
          tValue: sql`excluded.t_value`,
          contribution: sql`excluded.contribution`,
          reason: sql`excluded.reason`,
          details: sql`excluded.details`,
        },
      });
  }
}
