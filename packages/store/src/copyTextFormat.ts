import { pgInputText } from './pgInputText.js';

/**
 * Rows in COPY's text format (`COPY … FROM STDIN`, default options): one line per row
 * ending in `\n`, fields separated by a tab, SQL NULL as `\N`, and in every other field
 * (the value's {@link pgInputText}) a backslash, tab, newline or carriage return written
 * as `\\`, `\t`, `\n`, `\r` — so the empty string and NULL stay distinct and any text
 * survives. Rows must have one value per column (checked by the caller).
 */
export function copyTextFormat(rows: readonly (readonly unknown[])[]): string {
  const lines = new Array<string>(rows.length);
  for (const [i, row] of rows.entries()) {
    const fields = new Array<string>(row.length);
    for (const [j, value] of row.entries()) fields[j] = copyTextField(value);
    lines[i] = `${fields.join('\t')}\n`;
  }
  return lines.join('');
}

/** One value as a COPY text field: `\N` for NULL, else its input text escaped. */
export function copyTextField(value: unknown): string {
  const text = pgInputText(value);
  return text === null ? '\\N' : escapeCopyText(text);
}

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

function escapeCopyText(text: string): string {
  return text.replace(SPECIAL, (ch) => ESCAPES[ch]!);
}
