import { readCsvTable } from './csv.js';
import { isPlainDecimal } from './decimalText.js';
import { DemoDataError } from './demoDataError.js';
import { isIsoDate } from './isoDate.js';

/** One FRED observation; `value` is blank when FRED marks it missing. */
export interface MacroObservation {
  readonly date: string;
  readonly value: string;
}

/**
 * Reads a two-column FRED file (`date`/`observation_date`, then the value column under any
 * name), keeps `from`..`to`, and writes FRED's missing markers (`.` or empty) as blank —
 * never 0. Values are the source's decimal strings.
 */
export function readFredSeries(
  text: string,
  file: string,
  from: string,
  to: string,
): MacroObservation[] {
  const table = readCsvTable(text, file);
  const dateCol = table.column('date', 'observation_date');
  const valueCol = dateCol === 0 ? 1 : 0;
  const out: MacroObservation[] = [];
  for (const { line, fields } of table.rows) {
    const date = fields[dateCol]?.trim() ?? '';
    const raw = fields[valueCol]?.trim() ?? '';
    if (!isIsoDate(date)) {
      throw new DemoDataError(
        'DEMO_SOURCE_MALFORMED',
        `${file}:${line}: expected a date YYYY-MM-DD, found "${date}"`,
      );
    }
    if (date < from || date > to) continue;
    const value = raw === '.' ? '' : raw;
    if (value !== '' && !isPlainDecimal(value)) {
      throw new DemoDataError(
        'DEMO_SOURCE_MALFORMED',
        `${file}:${line}: expected a decimal or "." for missing, found "${raw}"`,
      );
    }
    out.push({ date, value });
  }
  return out;
}
