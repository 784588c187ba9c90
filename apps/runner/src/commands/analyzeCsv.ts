import { isoToEpochDay } from '@truth-spine/finance-core';
import { CsvSyntaxError, parseCsv, type CsvTable } from '@truth-spine/csv';
import { AnalyzeInputError } from './analyzeInputError.js';

/** A dated CSV table: ascending epoch days and, per requested column, its numbers (NaN = blank). */
export interface DatedTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly days: Int32Array;
  /** 1-based line number of each data row, for messages. */
  readonly lines: readonly number[];
  readonly columns: ReadonlyMap<string, Float64Array>;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a CSV file (RFC 4180: quoted fields may hold commas; `@truth-spine/csv`) whose first column is `date` (YYYY-MM-DD, strictly
 * ascending) and whose other columns are decimal numbers or blank (→ NaN). Checks that
 * every `required` column exists and every row has as many fields as the header.
 * Throws {@link AnalyzeInputError} naming file, line and column for the first problem.
 */
export function parseDatedCsv(file: string, text: string, required: readonly string[]): DatedTable {
  const table = csvTable(file, text);
  const header = table.header.map((h) => h.trim());
  if (header[0] !== 'date') {
    throw new AnalyzeInputError(file, 1, header[0] ?? '', 'the first column must be "date"');
  }
  for (const name of required) {
    if (!header.includes(name)) {
      throw new AnalyzeInputError(
        file,
        1,
        name,
        `missing column (header is "${header.join(',')}")`,
      );
    }
  }
  const numericColumns = header.slice(1);
  const values = numericColumns.map(() => [] as number[]);
  const days: number[] = [];
  const lines: number[] = [];
  for (const record of table.records) {
    const cells = record.fields.map((c) => c.trim());
    if (cells.length === 1 && cells[0] === '') continue; // a line of spaces
    const { line } = record;
    if (cells.length !== header.length) {
      throw new AnalyzeInputError(
        file,
        line,
        header[Math.min(cells.length, header.length - 1)]!,
        `expected ${header.length} fields, found ${cells.length}`,
      );
    }
    const day = parseDay(file, line, cells[0]!);
    const previous = days[days.length - 1];
    if (previous !== undefined && day <= previous) {
      throw new AnalyzeInputError(
        file,
        line,
        'date',
        `${cells[0]} ${day === previous ? 'repeats the previous date' : 'is before the previous date'} (dates must be unique and ascending)`,
      );
    }
    days.push(day);
    lines.push(line);
    for (let c = 1; c < cells.length; c++) {
      const cell = cells[c]!;
      if (cell !== '' && !DECIMAL.test(cell)) {
        throw new AnalyzeInputError(file, line, header[c]!, `"${cell}" is not a number`);
      }
      values[c - 1]!.push(cell === '' ? Number.NaN : Number(cell));
    }
  }
  if (days.length === 0) throw new AnalyzeInputError(file, 2, 'date', 'the file has no data rows');
  return {
    file,
    header,
    days: Int32Array.from(days),
    lines,
    columns: new Map(numericColumns.map((name, i) => [name, Float64Array.from(values[i]!)])),
  };
}

function parseDay(file: string, line: number, cell: string): number {
  try {
    return isoToEpochDay(cell);
  } catch {
    throw new AnalyzeInputError(
      file,
      line,
      'date',
      `"${cell}" is not a date in the form YYYY-MM-DD`,
    );
  }
}

/** The file's header and records; a CSV syntax error names the file, line and column. */
function csvTable(file: string, text: string): CsvTable {
  try {
    return parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new AnalyzeInputError(file, error.line, `character ${error.column}`, error.problem);
  }
}
