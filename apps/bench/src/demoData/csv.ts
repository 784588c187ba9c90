import {
  CsvSyntaxError,
  formatCsvField,
  parseCsv as parseCsvText,
  type CsvTable as CsvTextTable,
} from '@truth-spine/csv';
import { DemoDataError } from './demoDataError.js';

/**
 * Parses RFC 4180 CSV text (`@truth-spine/csv`) into rows of raw string fields (quotes
 * removed, `""` unescaped, CRLF or LF line ends, a final newline optional, blank lines
 * skipped). Values are never converted: decimals stay exactly as written. `file` only
 * names the input in errors: an unterminated quote names the last line of the text, text
 * after a closing quote its line and column.
 *
 * @example parseCsv('a,b\n1,"x,y"\n', 'f.csv') // [['a','b'],['1','x,y']]
 */
export function parseCsv(text: string, file: string): string[][] {
  let table: CsvTextTable;
  try {
    table = parseCsvText(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new DemoDataError(
      'DEMO_SOURCE_MALFORMED',
      error.problem === 'quote never closed'
        ? `${file}:${text.split('\n').length}: unterminated quoted field`
        : `${file}:${error.line}: text after a closing quote (column ${error.column})`,
    );
  }
  if (table.header.length === 0) return [];
  return [[...table.header], ...table.records.map((record) => [...record.fields])];
}

/**
 * Formats rows as CSV with LF line ends and a final newline; a field is quoted only when
 * it contains a comma, quote or line break (`formatCsvField`), so output is stable byte
 * for byte.
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(formatCsvField).join(',')).join('\n') + '\n';
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
