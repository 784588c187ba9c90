import { sql } from 'drizzle-orm';
import type { Executor } from '@truth-spine/store';
import { insertRows } from '@truth-spine/store';

/**
 * Bulk upsert: one `insertRows` statement with `on conflict (keys) do update` setting every
 * non-key column from the new row — how per-pack results are rewritten idempotently when a
 * run is resumed or forced. Identifiers must be plain snake_case (checked by insertRows).
 */
export async function upsertRows(
  executor: Executor,
  table: string,
  columns: readonly string[],
  keys: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<number> {
  const updates = columns
    .filter((c) => !keys.includes(c))
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return insertRows(
    executor,
    table,
    columns,
    rows,
    sql.raw(` on conflict (${keys.join(', ')}) do update set ${updates}`),
  );
}
