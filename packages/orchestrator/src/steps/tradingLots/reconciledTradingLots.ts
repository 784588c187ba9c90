import type { Database } from '@truth-spine/store';
import type { MetricRow } from '../metricRows/flattenMetricRecords.js';

/**
 * The `trading_lots.*` rows reconcile_ledger computed for pack `packId` from the ledgers it
 * parsed (`reconciliation_results.trading_lots`), by portfolio — so a night parses each
 * ledger once. Portfolios without them (no reconciliation row, rows stored before the
 * column existed, or lots that could not be computed) are absent: their ledger is parsed
 * here instead ({@link TradingLots}). The rows are the JSON of the very objects
 * `tradingLotRows` returned, so they equal a fresh computation from the same ledger.
 */
export async function reconciledTradingLots(
  db: Database,
  packId: string,
  portfolioIds: readonly string[],
): Promise<Map<string, MetricRow[]>> {
  const rows = await db.query<{ portfolio_id: string; trading_lots: string }>(
    `select portfolio_id, trading_lots from reconciliation_results
      where pack_id = $1 and portfolio_id = any($2::text[]) and trading_lots is not null`,
    [packId, portfolioIds],
  );
  return new Map(rows.map((r) => [r.portfolio_id, JSON.parse(r.trading_lots) as MetricRow[]]));
}
