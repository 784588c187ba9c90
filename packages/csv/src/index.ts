/**
 * @truth-spine/csv — the workspace's one CSV parser (RFC 4180: quoted fields may hold
 * commas, quotes and line breaks; LF or CRLF line ends; blank lines skipped; each record
 * with the 1-based line it starts on; a syntax error names its line and column) and the
 * field quoting the CSV writers share. Pure text in, text out: the callers read the files
 * and decide what a header or a field must be.
 */
export {
  CsvSyntaxError,
  parseCsv,
  type CsvProblem,
  type CsvRecord,
  type CsvTable,
} from './parseCsv.js';
export { formatCsvField } from './formatCsvField.js';
