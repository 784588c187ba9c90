import type { Database } from '@truth-spine/store';
import { decodeFactorSet, type FactorExposure } from './factorSetRecord.js';

/** One portfolio's factor exposures of one pack. */
export interface PortfolioFactorSet {
  readonly portfolioId: string;
  readonly exposures: readonly FactorExposure[];
}

/**
 * The `factor_sets` records of `packId` — every portfolio's, or those of `portfolioIds` —
 * decoded ({@link decodeFactorSet}: by window, then factor, in code-point order), sorted by
 * portfolio id (`collate "C"`). A portfolio without a record is absent.
 */
export async function readFactorSets(
  db: Database,
  packId: string,
  portfolioIds?: readonly string[],
): Promise<PortfolioFactorSet[]> {
  const records = await db.query<{ portfolio_id: string; exposures: string }>(
    `select portfolio_id, exposures::text as exposures from factor_sets
      where pack_id = $1 ${portfolioIds === undefined ? '' : 'and portfolio_id = any($2::text[])'}
      order by portfolio_id collate "C"`,
    portfolioIds === undefined ? [packId] : [packId, portfolioIds],
  );
  return records.map((r) => ({
    portfolioId: r.portfolio_id,
    exposures: decodeFactorSet(r.exposures),
  }));
}
