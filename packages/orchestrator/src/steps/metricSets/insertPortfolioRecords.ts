import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@truth-spine/store';

/** Records per statement (a metric set is ~16 kB of JSON text). */
const CHUNK = 1_000;

/**
 * Inserts one jsonb record per portfolio of `packId` into `table` (`pack_id`, `portfolio_id`,
 * `column`): each statement sends the records as ONE jsonb parameter, `[{"portfolio_id": …,
 * "record": <record>}, …]`, unpacked by `jsonb_array_elements` — the records' JSON text is
 * spliced in as it is, never escaped into an array literal, which made the bulk path
 * (`insertRows`) about 3× slower for records this size on the embedded database.
 * `records` are [portfolio id, record as JSON text]; `onConflict` follows the insert.
 */
export async function insertPortfolioRecords(
  executor: Executor,
  table: string,
  column: string,
  packId: string,
  records: readonly (readonly [string, string])[],
  onConflict: SQL,
): Promise<void> {
  for (let start = 0; start < records.length; start += CHUNK) {
    const chunk = records.slice(start, start + CHUNK);
    const payload = `[${chunk
      .map(
        ([portfolioId, record]) =>
          `{"portfolio_id":${JSON.stringify(portfolioId)},"record":${record}}`,
      )
      .join(',')}]`;
    await executor.execute(
      sql.join([
        sql`insert into ${sql.identifier(table)} (pack_id, portfolio_id, ${sql.identifier(column)})
            select ${packId}::text, r->>'portfolio_id', r->'record'
              from jsonb_array_elements(${payload}::jsonb) as r`,
        onConflict,
      ]),
    );
  }
}
