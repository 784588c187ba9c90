import type { Database } from '@truth-spine/store';
import type { JsonValue } from '../../pipeline/stepBody.js';

/** One stored metric as exported (snake_case, as in the table). */
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
 * Every valuation and metric stored for `packId`, sorted by portfolio then metric name (by
 * code point, `collate "C"`, so PGlite and PostgreSQL agree). Numbers are float64 as stored;
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
  const metrics = await db.query<Omit<ExportedMetric, 'details'> & { details: string | null }>(
    `select portfolio_id, metric, value, reason, first_date::text as first_date,
            last_date::text as last_date, n_obs, details::text as details
       from metrics where pack_id = $1 order by portfolio_id collate "C", metric collate "C"`,
    [packId],
  );
  return {
    pack_id: packId,
    valuations: valuations.map((v) => ({ ...v, positions: Number(v.positions) })),
    metrics: metrics.map((m) => ({
      ...m,
      value: m.value === null ? null : Number(m.value),
      n_obs: m.n_obs === null ? null : Number(m.n_obs),
      details: m.details === null ? null : (JSON.parse(m.details) as JsonValue),
    })),
  };
}
