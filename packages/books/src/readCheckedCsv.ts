import { type, type Type } from 'arktype';
import { CsvSyntaxError, parseCsv, type CsvRecord } from '@truth-spine/csv';
import type { BookProblem } from './booksError.js';
import { readBooksText } from './readBooksText.js';

/**
 * Reads a CSV whose header must be exactly the keys of `columns`, checks each field with
 * its arktype type, and maps every record whose fields are all valid with `build`. A CSV
 * syntax error, a wrong header and a record with the wrong number of fields are reported
 * (with line and column) to `report`, as is every invalid field.
 */
export async function readCheckedCsv<Columns extends Record<string, Type<string>>, Row>(
  dir: string,
  file: string,
  columns: Columns,
  report: (p: BookProblem) => void,
  build: (
    values: Record<keyof Columns, string>,
    record: CsvRecord,
    at: (column: keyof Columns & string, message: string) => BookProblem,
  ) => Row,
): Promise<Row[]> {
  const text = await readBooksText(dir, file, report);
  if (text === null) return [];
  let table;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    report({
      file,
      line: error.line,
      column: `column ${error.column}`,
      message: error.problem,
    });
    return [];
  }
  const names = Object.keys(columns);
  if (table.header.join(',') !== names.join(',')) {
    report({
      file,
      line: 1,
      column: null,
      message: `header must be ${names.join(',')} (was ${table.header.join(',')})`,
    });
    return [];
  }
  const rows: Row[] = [];
  for (const record of table.records) {
    const at = (name: string, message: string): BookProblem => ({
      file,
      line: record.line,
      column: `column ${names.indexOf(name) + 1} (${name})`,
      message,
    });
    if (record.fields.length !== names.length) {
      report({
        file,
        line: record.line,
        column: null,
        message: `has ${record.fields.length} fields, expected ${names.length}`,
      });
      continue;
    }
    let valid = true;
    const values = {} as Record<keyof Columns, string>;
    names.forEach((name, index) => {
      const raw = record.fields[index] ?? '';
      const checked = (columns[name] as Type<string>)(raw);
      if (checked instanceof type.errors) {
        report(at(name, checked.summary));
        valid = false;
      }
      values[name as keyof Columns] = raw;
    });
    if (valid) rows.push(build(values, record, at));
  }
  return rows;
}
