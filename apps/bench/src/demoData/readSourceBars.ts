import { readCsvTable } from './csv.js';
import { isPlainDecimal } from './decimalText.js';
import { DemoDataError } from './demoDataError.js';
import { isIsoDate } from './isoDate.js';
import type { SourceBar } from './types.js';

/**
 * Reads a Yahoo-style daily bar file (columns Date, Open, High, Low, Close, Adj Close,
 * Volume in any order and case; `adj_close` accepted) and returns the bars dated
 * `from`..`to` inclusive in ascending order, every value exactly as written. One bar
 * before `from` is kept too (when present) so a dividend on the first day can be inferred.
 * A row with a bad date or a non-decimal close/adj close is an error naming file and line.
 */
export function readSourceBars(text: string, file: string, from: string, to: string): SourceBar[] {
  const table = readCsvTable(text, file);
  const col = {
    date: table.column('date'),
    open: table.column('open'),
    high: table.column('high'),
    low: table.column('low'),
    close: table.column('close'),
    adjClose: table.column('adj close', 'adj_close'),
    volume: table.column('volume'),
  };
  const bars: SourceBar[] = [];
  let before: SourceBar | undefined;
  for (const { line, fields } of table.rows) {
    const field = (index: number): string => fields[index]?.trim() ?? '';
    const date = field(col.date);
    if (!isIsoDate(date)) {
      throw new DemoDataError(
        'DEMO_SOURCE_MALFORMED',
        `${file}:${line}: expected a date YYYY-MM-DD, found "${date}"`,
      );
    }
    if (date > to) continue;
    const bar: SourceBar = {
      date,
      open: field(col.open),
      high: field(col.high),
      low: field(col.low),
      close: field(col.close),
      adjClose: field(col.adjClose),
      volume: field(col.volume),
    };
    for (const key of ['close', 'adjClose'] as const) {
      if (!isPlainDecimal(bar[key])) {
        throw new DemoDataError(
          'DEMO_SOURCE_MALFORMED',
          `${file}:${line}: expected a decimal ${key}, found "${bar[key]}"`,
        );
      }
    }
    const last = bars.at(-1) ?? before;
    if (last !== undefined && last.date >= date) {
      throw new DemoDataError(
        'DEMO_SOURCE_MALFORMED',
        `${file}:${line}: dates must ascend, ${date} follows ${last.date}`,
      );
    }
    if (date < from) before = bar;
    else bars.push(bar);
  }
  return before === undefined ? bars : [before, ...bars];
}
