import { decimalPattern } from '../model/decimal.js';
import { isIsoDate } from '../model/isoDate.js';
import type { CsvRow } from './csvTable.js';
import { OfflineDataError } from './offlineDataError.js';

/** What a cell must hold; a trailing `?` allows blank (read as null). */
type CellKind = 'text' | 'date' | 'date?' | 'decimal' | 'decimal?' | 'currency?';

const checks: Record<
  'text' | 'date' | 'decimal' | 'currency',
  [test: (v: string) => boolean, expected: string]
> = {
  text: [(v) => v !== '', 'a non-blank value'],
  date: [isIsoDate, 'a date YYYY-MM-DD'],
  decimal: [(v) => decimalPattern.test(v), 'a plain decimal such as 123.45'],
  currency: [(v) => /^[A-Z]{3}$/.test(v), 'a three-letter currency code'],
};

/**
 * Reads column `name` of a CSV row as `kind`. Blank optional cells are null; anything
 * else that does not fit throws {@link OfflineDataError} with file, line and column.
 */
export function csvCell(
  row: CsvRow,
  name: string,
  kind: 'text' | 'date' | 'decimal',
  file: string,
): string;
export function csvCell(row: CsvRow, name: string, kind: CellKind, file: string): string | null;
export function csvCell(row: CsvRow, name: string, kind: CellKind, file: string): string | null {
  const value = row.values[name] ?? '';
  const optional = kind.endsWith('?');
  if (optional && value === '') return null;
  const [test, expected] = checks[kind.replace('?', '') as keyof typeof checks];
  if (!test(value)) {
    throw new OfflineDataError(
      file,
      row.line,
      `column ${name} must be ${expected}${optional ? ' or blank' : ''}, got "${value}"`,
    );
  }
  return value;
}
