import type { CopyTarget } from './copyTarget.js';
import { copyTextFormat } from './copyTextFormat.js';
import { postgresCopyIn } from './postgresCopyIn.js';

/** Rows encoded per chunk streamed to PostgreSQL (bounds the memory of one chunk's text). */
const ROWS_PER_CHUNK = 2_000;

/**
 * Writes `rows` into `table (columns)` with `COPY … FROM STDIN` in text format
 * ({@link copyTextFormat}) on `target` — the caller's connection or transaction, so a
 * failure aborts that transaction like any failed statement. PGlite copies from an
 * in-memory blob (`FROM '/dev/blob'`); PostgreSQL receives the text in chunks through
 * postgres.js' COPY stream ({@link postgresCopyIn}). `table` and `columns` are already
 * quoted identifiers.
 */
export async function copyRows(
  target: CopyTarget,
  quotedTable: string,
  quotedColumns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const into = `copy ${quotedTable} (${quotedColumns.join(', ')})`;
  if (target.kind === 'pglite') {
    const blob = new Blob([copyTextFormat(rows)]);
    await target.client.query(`${into} from '/dev/blob'`, [], { blob });
    return;
  }
  await postgresCopyIn(target.client, `${into} from stdin`, chunksOf(rows));
}

function* chunksOf(rows: readonly (readonly unknown[])[]): Generator<string> {
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    yield copyTextFormat(rows.slice(start, start + ROWS_PER_CHUNK));
  }
}
