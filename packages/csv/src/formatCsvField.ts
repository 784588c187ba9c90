/**
 * One field as CSV writes it (RFC 4180): quoted, with `"` doubled, only when it holds a
 * comma, a quote or a line break (`\n` or `\r`), so a writer's output is stable byte for
 * byte and {@link parseCsv} reads the field back unchanged.
 *
 * @example formatCsvField('A,"B"') // '"A,""B"""'
 */
export function formatCsvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
