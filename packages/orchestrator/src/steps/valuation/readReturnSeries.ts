import type { Database } from '../../db/database.js';
import { float64FromBytes, int32FromBytes } from './returnSeriesBytes.js';

/** A stored return_series row, decoded into typed arrays. */
export interface StoredReturnSeries {
  readonly portfolioId: string;
  readonly epochDays: Int32Array;
  readonly values: Float64Array;
  readonly externalFlows: Float64Array;
  /** n − 1 returns, returns[i] from day i to i + 1. */
  readonly returns: Float64Array;
}

/** The return_series rows of `portfolioIds` in pack `packId` (one query), by portfolio id. */
export async function readReturnSeries(
  db: Database,
  packId: string,
  portfolioIds: readonly string[],
): Promise<Map<string, StoredReturnSeries>> {
  const rows = await db.query<{
    portfolio_id: string;
    epoch_days: Uint8Array;
    values: Uint8Array;
    external_flows: Uint8Array;
    returns: Uint8Array;
  }>(
    `select portfolio_id, epoch_days, values, external_flows, returns from return_series
      where pack_id = $1 and portfolio_id = any($2::text[]) order by portfolio_id`,
    [packId, portfolioIds],
  );
  return new Map(
    rows.map((r) => [
      r.portfolio_id,
      {
        portfolioId: r.portfolio_id,
        epochDays: int32FromBytes(r.epoch_days),
        values: float64FromBytes(r.values),
        externalFlows: float64FromBytes(r.external_flows),
        returns: float64FromBytes(r.returns),
      },
    ]),
  );
}
