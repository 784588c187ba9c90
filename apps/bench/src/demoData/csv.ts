import { DemoDataError } from './demoDataError.js';

/**
 * Parses RFC 4180 CSV text into rows of raw string fields (quotes removed, `""` unescaped,
 * CRLF or LF line ends, a final newline optional, blank lines skipped). Values are never
 * converted: decimals stay exactly as written. `file` only names the input in errors.
 *
 * @example parseCsv('a,b\n1,"x,y"\n', 'f.csv') // [['a','b'],['1','x,y']]
 */
export function parseCsv(text: string, file: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
      line++;
    } else {
      field += ch;
    }
  }
  if (quoted) {
    throw new DemoDataError('DEMO_SOURCE_MALFORMED', `${file}:${line}: unterminated quoted field`);
  }
  row.push(field);
  if (row.length > 1 || row[0] !== '') rows.push(row);
  return rows;
}

/**
 * Formats rows as CSV with LF line ends and a final newline; a field is quoted only when
 * it contains a comma, quote or line break, so output is stable byte for byte.
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteField).join(',')).join('\n') + '\n';
}

function quoteField(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * A parsed CSV with its header: `column(name)` finds a column case-insensitively among
 * `aliases` and fails with the file name when none exists.
 */
export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  /** Data rows with their 1-based line number in the file (header is line 1). */
  readonly rows: readonly { readonly line: number; readonly fields: readonly string[] }[];
  column(...aliases: string[]): number;
}

/** Parses `text` (first row = header) into a {@link CsvTable}. */
export function readCsvTable(text: string, file: string): CsvTable {
  const [header, ...data] = parseCsv(text, file);
  if (header === undefined) {
    throw new DemoDataError(
      'DEMO_SOURCE_MALFORMED',
      `${file}:1: expected a header row, file is empty`,
    );
  }
  const lower = header.map((h) => h.trim().toLowerCase());
  return {
    file,
    header,
    rows: data.map((fields, i) => ({ line: i + 2, fields })),
    column(...aliases: string[]): number {
      for (const alias of aliases) {
        const index = lower.indexOf(alias.toLowerCase());
        if (index >= 0) return index;
      }
      throw new DemoDataError(
        'DEMO_SOURCE_MALFORMED',
        `${file}:1: expected a column named ${aliases.join(' or ')}, header is ${header.join(',')}`,
      );
    },
  };
}
