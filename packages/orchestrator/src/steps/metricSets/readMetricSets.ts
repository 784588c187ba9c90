import type { Database } from '@truth-spine/store';
import { decodeMetricSet } from './metricSetRecord.js';
import type { PortfolioMetricRows } from './upsertMetricSets.js';

/**
 * The `metric_sets` records of `packId` — every portfolio's, or those of `portfolioIds` —
 * decoded ({@link decodeMetricSet}: rows by metric name in code-point order), sorted by
 * portfolio id (`collate "C"`, so PGlite and PostgreSQL agree). A portfolio without a
 * record (nothing stored for it in that pack) is absent.
 */
export async function readMetricSets(
  db: Database,
  packId: string,
  portfolioIds?: readonly string[],
): Promise<PortfolioMetricRows[]> {
  const records = await db.query<{ portfolio_id: string; metrics: string }>(
    `select portfolio_id, metrics::text as metrics from metric_sets
      where pack_id = $1 ${portfolioIds === undefined ? '' : 'and portfolio_id = any($2::text[])'}
      order by portfolio_id collate "C"`,
    portfolioIds === undefined ? [packId] : [packId, portfolioIds],
  );
  return records.map((r) => ({ portfolioId: r.portfolio_id, rows: decodeMetricSet(r.metrics) }));
}
