import { sql } from 'drizzle-orm';
import type { Executor } from '@truth-spine/store';
import { insertPortfolioRecords } from '../metricSets/insertPortfolioRecords.js';
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
 * (window, factor) into the record already there, one statement per 1,000 portfolios
 * (`insertPortfolioRecords`). Floats travel as their shortest round-trip decimal text, which jsonb keeps,
 * so the stored doubles are the computed ones bit for bit.
 */
export async function writeFactorExposures(
  executor: Executor,
  rows: readonly FactorExposureRow[],
): Promise<void> {
  const byPack = new Map<string, Map<string, FactorExposure[]>>();
  for (const { packId, portfolioId, ...exposure } of rows) {
    let pack = byPack.get(packId);
    if (pack === undefined) byPack.set(packId, (pack = new Map()));
    let set = pack.get(portfolioId);
    if (set === undefined) pack.set(portfolioId, (set = []));
    set.push(exposure);
  }
  for (const [packId, pack] of byPack) {
    const records = [...pack].map(([id, set]) => [id, encodeFactorSet(set)] as const);
    await insertPortfolioRecords(
      executor,
      'factor_sets',
      'exposures',
      packId,
      records,
      MERGE_ON_CONFLICT,
    );
  }
}
