import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from './database.js';
import { copyRows } from './copyRows.js';
import { copyTargetOf } from './copyTarget.js';
import { pgInputText } from './pgInputText.js';
import { executeRows } from './rows.js';

/** PostgreSQL's limit on identifier length (NAMEDATALEN − 1); longer names are truncated. */
const MAX_IDENTIFIER_BYTES = 63;

/**
 * Rows from which a plain insert (no `onConflict`) goes through COPY. Below a few hundred
 * rows the two paths cost the same within noise (COPY's extra round trip and, on PGlite,
 * its blob file weigh about what the array parsing saves: 200–2,000 rows took 0.02–0.03 s
 * either way), so small writes stay on the one statement every upsert uses; above it COPY
 * wins and the gap grows with the row count (50,000 rows × 6 columns: about 0.6× the time
 * of unnest on PGlite and on PostgreSQL).
 */
export const COPY_MIN_ROWS = 500;

/**
 * The bulk path: inserts `rows` (each an array of values in `columns` order) into `table`
 * and returns the number of rows sent. Runs on `executor`, so inside a transaction when
 * given one (a failure aborts it like any failed statement).
 * - `rows.length >= COPY_MIN_ROWS` and no `onConflict`: `COPY table (columns) FROM STDIN`
 *   in text format on the executor's own connection (see {@link copyRows}); COPY cannot
 *   express `on conflict`.
 * - otherwise ONE statement, `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)`,
 *   one array-literal parameter per column — so the statement size does not grow with the
 *   row count (drizzle's builder spends seconds rendering 10k-row VALUES lists) — followed
 *   by `onConflict` (e.g. `on conflict do nothing`).
 * Both paths store the same values: each travels as the text of {@link pgInputText}
 * (string, number, bigint, boolean, null, Date as ISO instant, Uint8Array as bytea, a
 * JSON-able object as jsonb). `table` and `columns` are quoted identifiers (`"name"`,
 * embedded `"` doubled), so any name PostgreSQL can store works — reserved words such as
 * `window`, capitals, spaces, quotes — matched exactly (no case folding); an empty name, a
 * NUL or more than 63 bytes is an error, as is a table or column missing from the current
 * schema.
 */
export async function insertRows(
  executor: Executor,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  onConflict?: SQL,
): Promise<number> {
  for (const name of [table, ...columns]) {
    if (name === '' || name.includes('\u0000') || Buffer.byteLength(name) > MAX_IDENTIFIER_BYTES) {
      throw new Error(`insertRows: bad identifier ${JSON.stringify(name)}`);
    }
  }
  for (const row of rows) {
    if (row.length !== columns.length) {
      throw new Error(
        `insertRows: a row of ${table} has ${row.length} values for ${columns.length} columns`,
      );
    }
  }
  if (rows.length === 0) return 0;
  const types = await columnTypes(executor, table);
  if (types.size === 0) {
    throw new Error(`insertRows: no table ${JSON.stringify(table)} in the current schema`);
  }
  for (const name of columns) {
    if (!types.has(name)) {
      throw new Error(`insertRows: ${table} has no column ${JSON.stringify(name)}`);
    }
  }
  const target =
    onConflict === undefined && rows.length >= COPY_MIN_ROWS ? copyTargetOf(executor) : null;
  if (target !== null) {
    await copyRows(target, quoteIdentifier(table), columns.map(quoteIdentifier), rows);
    return rows.length;
  }
  const arrays = columns.map((name, index) => {
    const type = types.get(name)!;
    return sql`${arrayLiteral(rows, index)}::${sql.identifier(type.schema)}.${sql.identifier(type.name)}[]`;
  });
  const columnList = sql.join(
    columns.map((name) => sql.identifier(name)),
    sql`, `,
  );
  await executor.execute(
    sql.join(
      [
        sql`insert into ${sql.identifier(table)} (${columnList}) select * from unnest(`,
        sql.join(arrays, sql`, `),
        sql`)`,
        onConflict ?? sql``,
      ],
      sql``,
    ),
  );
  return rows.length;
}

/** Each column's type by column name, schema-qualified (an enum may live outside pg_catalog). */
async function columnTypes(
  executor: Executor,
  table: string,
): Promise<Map<string, { schema: string; name: string }>> {
  const rows = await executeRows<{ column_name: string; udt_schema: string; udt_name: string }>(
    executor,
    sql`select column_name, udt_schema, udt_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table}`,
  );
  return new Map(rows.map((r) => [r.column_name, { schema: r.udt_schema, name: r.udt_name }]));
}

/** Column `index` of `rows` as a PostgreSQL array literal: `{"a","b",NULL}`. */
function arrayLiteral(rows: readonly (readonly unknown[])[], index: number): string {
  const parts = new Array<string>(rows.length);
  for (const [i, row] of rows.entries()) {
    const text = pgInputText(row[index]);
    parts[i] = text === null ? 'NULL' : `"${escapeElement(text)}"`;
  }
  return `{${parts.join(',')}}`;
}

/** `name` as a quoted identifier: `"name"`, embedded `"` doubled (as drizzle's sql.identifier). */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function escapeElement(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
}
