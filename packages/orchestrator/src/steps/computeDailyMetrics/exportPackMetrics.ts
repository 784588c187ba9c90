import type { Database } from '@truth-spine/store';
import type { JsonValue } from '../../pipeline/stepBody.js';
import type { MetricRow } from '../metricRows/flattenMetricRecords.js';
import { readMetricSets } from '../metricSets/readMetricSets.js';

/** One stored metric as exported (snake_case, as in its `metric_sets` record). */
export interface ExportedMetric {
  readonly portfolio_id: string;
  readonly metric: string;
  readonly value: number | null;
  readonly reason: string | null;
  readonly first_date: string | null;
  readonly last_date: string | null;
  readonly n_obs: number | null;
  readonly details: JsonValue;
}

/** Everything compute_daily_metrics stored for a pack, in a deterministic order. */
export interface PackMetricsExport {
  readonly pack_id: string;
  readonly valuations: readonly {
    readonly portfolio_id: string;
    readonly as_of: string;
    readonly base_currency: string;
    readonly market_value: string;
    readonly securities_value: string;
    readonly cash_value: string;
    readonly positions: number;
  }[];
  readonly metrics: readonly ExportedMetric[];
}

/**
 * Every valuation and metric stored for `packId` (the `metric_sets` records), sorted by
 * portfolio then metric name (by code point, `collate "C"`, so PGlite and PostgreSQL
 * agree). Numbers are float64 as stored;
 * `JSON.stringify` prints them as the shortest round-trip decimal, so two databases that
 * computed the same values export byte-identical JSON. Decimals stay exact strings.
 */
export async function exportPackMetrics(db: Database, packId: string): Promise<PackMetricsExport> {
  const valuations = await db.query<{
    portfolio_id: string;
    as_of: string;
    base_currency: string;
    market_value: string;
    securities_value: string;
    cash_value: string;
    positions: number;
  }>(
    `select portfolio_id, as_of::text as as_of, base_currency, market_value::text as market_value,
            securities_value::text as securities_value, cash_value::text as cash_value, positions
       from valuations where pack_id = $1 order by portfolio_id collate "C"`,
    [packId],
  );
  const sets = await readMetricSets(db, packId);
  return {
    pack_id: packId,
    valuations: valuations.map((v) => ({ ...v, positions: Number(v.positions) })),
    metrics: sets.flatMap((s) => s.rows.map((row) => exportedMetric(s.portfolioId, row))),
  };
}

/** A stored metric row as the export prints it (these keys, in this order). */
export function exportedMetric(portfolioId: string, row: MetricRow): ExportedMetric {
  return {
    portfolio_id: portfolioId,
    metric: row.metric,
    value: row.value,
    reason: row.reason,
    first_date: row.firstDate,
    last_date: row.lastDate,
    n_obs: row.nObs,
    details: row.details,
  };
}
