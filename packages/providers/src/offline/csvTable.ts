import { CsvSyntaxError, formatCsvField, parseCsv as parseCsvText } from '@truth-spine/csv';
import { OfflineDataError } from './offlineDataError.js';

/** One data row: values by column name, and the 1-based line it came from. */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/** What a row must be when a quote does not close on the line that opens it. */
const closingQuote = 'a closing quote before the end of the line';

/**
 * Parses CSV text (`@truth-spine/csv`; a leading BOM is ignored) whose first line must
 * equal `header` exactly. Blank lines (spaces only) are skipped; every row is one line and
 * has as many fields as the header; values are trimmed. The first problem in line order
 * throws {@link OfflineDataError} naming the file and line.
 */
export function parseCsv(text: string, header: readonly string[], file: string): CsvRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r?\n/);
  const expectedHeader = header.join(',');
  if ((lines[0] ?? '').trim() !== expectedHeader) {
    throw new OfflineDataError(file, 1, `header "${expectedHeader}"`);
  }
  return rowsOf(body, lines, header, file);
}

/**
 * The data rows of `text` (whose lines are `lines`). On a CSV syntax error at line L the
 * lines before L are checked first, so an earlier problem is the one reported.
 */
function rowsOf(
  text: string,
  lines: readonly string[],
  header: readonly string[],
  file: string,
): CsvRow[] {
  let records;
  try {
    records = parseCsvText(text).records;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    rowsOf(lines.slice(0, error.line - 1).join('\n'), lines, header, file);
    throw new OfflineDataError(
      file,
      error.line,
      error.problem === 'quote never closed'
        ? closingQuote
        : `a comma or the end of the line after a closing quote (column ${error.column})`,
    );
  }
  const expectedHeader = header.join(',');
  const rows: CsvRow[] = [];
  for (const { line, fields } of records) {
    if ((lines[line - 1] ?? '').trim() === '') continue;
    if (fields.some((field) => field.includes('\n'))) {
      throw new OfflineDataError(file, line, closingQuote);
    }
    if (fields.length !== header.length) {
      throw new OfflineDataError(
        file,
        line,
        `${header.length} fields (${expectedHeader}), found ${fields.length}`,
      );
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => (values[name] = (fields[i] ?? '').trim()));
    rows.push({ line, values });
  }
  return rows;
}

/**
 * CSV text: the header, then one line per row taking each header column from the row's
 * property of that name (null/absent → blank), ending with a newline. A field is quoted
 * only when it must be (`formatCsvField`).
 */
export function formatCsv(header: readonly string[], rows: readonly object[]): string {
  const lines = [header.join(',')];
  for (const row of rows) {
    const record = row as Readonly<Record<string, string | null | undefined>>;
    lines.push(header.map((name) => formatCsvField(record[name] ?? '')).join(','));
  }
  return `${lines.join('\n')}\n`;
}
