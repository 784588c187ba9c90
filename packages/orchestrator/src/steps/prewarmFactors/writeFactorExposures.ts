import { sql } from 'drizzle-orm';
import type { Executor } from '@truth-spine/store';
import { insertRows } from '@truth-spine/store';
import type { FactorExposureRow } from './factorExposureRows.js';
import { encodeFactorSet, type FactorExposure } from './factorSetRecord.js';

/**
 * On a record already stored for (pack, portfolio): the stored entries whose (window, factor)
 * is not among the new ones, plus the new entries, re-sorted — per exposure the upsert the
 * `factor_exposures` table had, so a re-run replaces values and never duplicates one.
 */
const MERGE_ON_CONFLICT = sql.raw(
  ` on conflict (pack_id, portfolio_id) do update set exposures = (
      select jsonb_agg(m.e order by m.e->>'window' collate "C", m.e->>'factor' collate "C") from (
        select o.e from jsonb_array_elements(factor_sets.exposures) as o(e)
         where not excluded.exposures @> jsonb_build_array(
                 jsonb_build_object('window', o.e->'window', 'factor', o.e->'factor'))
        union all
        select n.e from jsonb_array_elements(excluded.exposures) as n(e)) as m)`,
);

/**
 * Writes factor exposure rows as one `factor_sets` record per (pack, portfolio)
 * ({@link encodeFactorSet}; throws before writing on a row the record cannot hold), merged by
 * (window, factor) into the record already there, in one statement (the bulk path,
 * `insertRows`). Floats travel as their shortest round-trip decimal text, which jsonb keeps,
 * so the stored doubles are the computed ones bit for bit.
 */
export async function writeFactorExposures(
  executor: Executor,
  rows: readonly FactorExposureRow[],
): Promise<void> {
  const sets = new Map<string, { packId: string; portfolioId: string; rows: FactorExposure[] }>();
  for (const { packId, portfolioId, ...exposure } of rows) {
    const key = JSON.stringify([packId, portfolioId]);
    let set = sets.get(key);
    if (set === undefined) sets.set(key, (set = { packId, portfolioId, rows: [] }));
    set.rows.push(exposure);
  }
  await insertRows(
    executor,
    'factor_sets',
    ['pack_id', 'portfolio_id', 'exposures'],
    [...sets.values()].map((s) => [s.packId, s.portfolioId, encodeFactorSet(s.rows)]),
    MERGE_ON_CONFLICT,
  );
}
