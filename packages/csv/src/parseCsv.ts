/** One data record of a CSV file, with the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A CSV file split into its header and records. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

/**
 * Parses RFC 4180 CSV: comma-separated, `"` quotes fields that hold commas, quotes or
 * newlines, `""` is a literal quote, LF or CRLF line ends; blank lines are skipped.
 * Throws {@link CsvSyntaxError} (1-based line and column) on an unterminated quote or
 * text after a closing quote. Fields are returned exactly as written (never trimmed or
 * converted); a quote inside an unquoted field, a lone `\r` and a leading byte-order mark
 * are ordinary characters (a caller that accepts a BOM strips it first), and a line of
 * spaces is a record of one field.
 */
export function parseCsv(text: string): CsvTable {
  const rows: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let column = 1;
  let rowLine = 1;
  let quotedFrom: { line: number; column: number } | null = null;
  let afterQuote = false;
  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRow = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (quotedFrom !== null) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
        column += 2;
        continue;
      }
      if (ch === '"') {
        quotedFrom = null;
        afterQuote = true;
      } else {
        field += ch;
      }
      if (ch === '\n') {
        line += 1;
        column = 1;
      } else {
        column += 1;
      }
      continue;
    }
    if (ch === ',') {
      endField();
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i += 1;
      endRow();
      line += 1;
      column = 0;
      rowLine = line;
    } else if (afterQuote) {
      throw new CsvSyntaxError(line, column, 'text after a closing quote');
    } else if (ch === '"' && field === '') {
      quotedFrom = { line, column };
    } else {
      field += ch;
    }
    column += 1;
  }
  if (quotedFrom !== null) {
    throw new CsvSyntaxError(quotedFrom.line, quotedFrom.column, 'quote never closed');
  }
  if (field !== '' || fields.length > 0) endRow();
  const [header, ...records] = rows;
  return { header: header?.fields ?? [], records };
}

/** What is wrong with text that is not well-formed CSV. */
export type CsvProblem = 'quote never closed' | 'text after a closing quote';

/**
 * The text is not well-formed CSV: `problem` at 1-based `line` and `column` (of the
 * opening quote for a quote never closed). Message: `line L, column C: problem`.
 */
export class CsvSyntaxError extends Error {
  readonly code = 'csv_syntax' as const;
  constructor(
    readonly line: number,
    readonly column: number,
    readonly problem: CsvProblem,
  ) {
    super(`line ${line}, column ${column}: ${problem}`);
    this.name = 'CsvSyntaxError';
  }
}
