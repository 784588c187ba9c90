import type { SQLWrapper } from 'drizzle-orm';
import type { Executor } from './database.js';

/**
 * Runs raw SQL through drizzle (inside a transaction if `executor` is one) and returns the
 * rows: postgres-js gives an array, PGlite a `{ rows }` result; callers see rows either way.
 */
export async function executeRows<Row extends Record<string, unknown>>(
  executor: Executor,
  query: SQLWrapper,
): Promise<Row[]> {
  const result: unknown = await executor.execute(query);
  if (Array.isArray(result)) return result as Row[];
  return (result as { rows: Row[] }).rows;
}
