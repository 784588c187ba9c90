import { sql } from 'drizzle-orm';
import type { Executor } from '@truth-spine/store';
import type { MetricRow } from '../metricRows/flattenMetricRecords.js';
import { insertPortfolioRecords } from './insertPortfolioRecords.js';
import { encodeMetricSet } from './metricSetRecord.js';

/** One portfolio's metric rows of one pack, as a step writes them. */
export interface PortfolioMetricRows {
  readonly portfolioId: string;
  readonly rows: readonly MetricRow[];
}

/**
 * On a record already stored for (pack, portfolio): the stored entries whose metric is not
 * among the new ones, plus the new entries — per metric the upsert the `metrics` table had,
 * so compute_daily_metrics and prewarm_factors (the rolling correlations) each add their
 * metrics to the one record, and a re-run replaces its own. When no new name is stored yet
 * (prewarm_factors' nightly case) the new entries are appended as they are (`||`, ~2× faster
 * than rebuilding the record), so a record is two sorted runs and readers sort
 * (`decodeMetricSet`); otherwise the record is rebuilt sorted.
 */
const MERGE_ON_CONFLICT = sql.raw(
  ` on conflict (pack_id, portfolio_id) do update set metrics = case
      when not exists (
        select from jsonb_array_elements(excluded.metrics) as n(e)
         where metric_sets.metrics @> jsonb_build_array(jsonb_build_object('metric', n.e->'metric')))
      then metric_sets.metrics || excluded.metrics
      else (
        select jsonb_agg(m.e order by m.e->>'metric' collate "C") from (
          select o.e from jsonb_array_elements(metric_sets.metrics) as o(e)
           where not excluded.metrics @> jsonb_build_array(jsonb_build_object('metric', o.e->'metric'))
          union all
          select n.e from jsonb_array_elements(excluded.metrics) as n(e)) as m)
    end`,
);

/**
 * Writes each portfolio's metric rows as its one `metric_sets` record of `packId`
 * ({@link encodeMetricSet}; throws before writing on a row the record cannot hold), merged by
 * metric name into the record already there; a portfolio without rows gets none. One
 * statement per 1,000 portfolios (`insertPortfolioRecords`).
 * Returns the number of metric rows written.
 */
export async function upsertMetricSets(
  executor: Executor,
  packId: string,
  sets: readonly PortfolioMetricRows[],
): Promise<number> {
  const records = sets
    .filter((s) => s.rows.length > 0)
    .map((s) => [s.portfolioId, encodeMetricSet(s.rows)] as const);
  await insertPortfolioRecords(
    executor,
    'metric_sets',
    'metrics',
    packId,
    records,
    MERGE_ON_CONFLICT,
  );
  return sets.reduce((n, s) => n + s.rows.length, 0);
}
