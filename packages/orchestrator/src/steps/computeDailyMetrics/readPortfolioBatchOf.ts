import type { Database } from '@truth-spine/store';
import type { PortfolioBatch } from '../valuation/readPortfolioBatches.js';
import { readBookMovements } from '../valuation/readBookMovements.js';

/**
 * The portfolios `ids` (ascending id; unknown ids are absent) with their transactions dated
 * ≤ `asOf` (ascending trade date, then id) — one batch of an explicit id list, two queries.
 */
export async function readPortfolioBatchOf(
  db: Database,
  asOf: string,
  ids: readonly string[],
): Promise<PortfolioBatch> {
  const headers = await db.query<{
    id: string;
    base_currency: string;
    benchmark: string;
    inception: string;
  }>(
    `select id, base_currency, benchmark, inception::text as inception from portfolios
      where id = any($1::text[]) order by id`,
    [ids],
  );
  const movements = await readBookMovements(
    db,
    headers.map((p) => p.id),
    asOf,
  );
  return {
    portfolios: headers.map((r) => ({
      id: r.id,
      baseCurrency: r.base_currency,
      benchmark: r.benchmark,
      inception: r.inception,
    })),
    movements,
  };
}
