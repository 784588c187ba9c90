import type { Database } from '@truth-spine/store';
import { readPortfolioHeaders, type PortfolioHeader } from './readPortfolioHeaders.js';
import { readBookMovements } from './readBookMovements.js';
import type { BookMovement } from './runningHoldings.js';

/** A batch of portfolios with their transactions (ascending trade date, then id). */
export interface PortfolioBatch {
  readonly portfolios: readonly PortfolioHeader[];
  readonly movements: ReadonlyMap<string, readonly BookMovement[]>;
}

/**
 * {@link readPortfolioHeaders}' batches, each with its portfolios' transactions dated ≤
 * `asOf` — one bulk query per batch, never every portfolio's books at once.
 */
export async function* readPortfolioBatches(
  db: Database,
  asOf: string,
  batchSize?: number,
): AsyncGenerator<PortfolioBatch> {
  for await (const portfolios of readPortfolioHeaders(db, asOf, batchSize)) {
    const movements = await readBookMovements(
      db,
      portfolios.map((p) => p.id),
      asOf,
    );
    yield { portfolios, movements };
  }
}
