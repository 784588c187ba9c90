import type { Database } from '@truth-spine/store';

/** One metric's value in one portfolio's record (null beside a reason). */
export interface StoredMetricValue {
  readonly portfolioId: string;
  readonly metric: string;
  readonly value: number | null;
}

/**
 * The values of the metrics `names` in the `metric_sets` records of `packId` (only
 * `portfolioIds`' when given), picked out by the database so only those entries travel;
 * a portfolio whose record lacks a metric has no entry for it. Unordered.
 */
export async function readMetricValues(
  db: Database,
  packId: string,
  names: readonly string[],
  portfolioIds?: readonly string[],
): Promise<StoredMetricValue[]> {
  if (names.length === 0) return [];
  const values = await db.query<{ portfolio_id: string; metric: string; value: string | null }>(
    `select s.portfolio_id, e->>'metric' as metric, (e->'value')::text as value
       from metric_sets s cross join lateral jsonb_array_elements(s.metrics) as e
      where s.pack_id = $1 and e->>'metric' = any($2::text[])
        ${portfolioIds === undefined ? '' : 'and s.portfolio_id = any($3::text[])'}`,
    portfolioIds === undefined
      ? [packId, [...new Set(names)]]
      : [packId, [...new Set(names)], portfolioIds],
  );
  return values.map((v) => ({
    portfolioId: v.portfolio_id,
    metric: v.metric,
    value: v.value === null ? null : Number(v.value),
  }));
}
