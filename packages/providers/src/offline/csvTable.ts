import { OfflineDataError } from './offlineDataError.js';

/** One data row: values by column name, and the 1-based line it came from. */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/** Splits one CSV line (RFC 4180 quoting: `"a,b"`, `""` for a quote). */
function splitLine(text: string, file: string, line: number): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  if (quoted) throw new OfflineDataError(file, line, 'a closing quote before the end of the line');
  fields.push(field);
  return fields;
}

/**
 * Parses CSV text whose first line must equal `header` exactly. Blank lines are skipped;
 * every row must have as many fields as the header. Throws {@link OfflineDataError}.
 */
export function parseCsv(text: string, header: readonly string[], file: string): CsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const expectedHeader = header.join(',');
  if ((lines[0] ?? '').trim() !== expectedHeader) {
    throw new OfflineDataError(file, 1, `header "${expectedHeader}"`);
  }
  const rows: CsvRow[] = [];
  for (let index = 1; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '') continue;
    const line = index + 1;
    const fields = splitLine(raw, file, line);
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

/** Quotes a field only when it holds a comma, quote or line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV text: the header, then one line per row taking each header column from the row's
 * property of that name (null/absent → blank), ending with a newline.
 */
export function formatCsv(header: readonly string[], rows: readonly object[]): string {
  const lines = [header.join(',')];
  for (const row of rows) {
    const record = row as Readonly<Record<string, string | null | undefined>>;
    lines.push(header.map((name) => csvField(record[name] ?? '')).join(','));
  }
  return `${lines.join('\n')}\n`;
}
