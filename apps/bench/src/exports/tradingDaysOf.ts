import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The trading calendar of an offline market directory (`truth-spine-offline/1`): the dates,
 * ascending, on which `symbol` has a close in `prices/<symbol>.csv` — the dates the
 * pipeline's calendar symbol (SPY) defines as trading days. Throws naming the file when it
 * is missing or a row has no close.
 *
 * @example tradingDaysOf(set.marketDir, 'SPY').slice(-2) // [set.previousDay, set.lastDay]
 */
export function tradingDaysOf(marketDir: string, symbol: string): string[] {
  const path = join(marketDir, 'prices', `${symbol}.csv`);
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = (lines[0] ?? '').split(',');
  const dateAt = header.indexOf('date');
  const closeAt = header.indexOf('close');
  if (dateAt < 0 || closeAt < 0) throw new Error(`${path}: header has no date or close column`);
  const days: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const cells = line.split(',');
    if ((cells[closeAt] ?? '') === '') throw new Error(`${path}:${i + 1}: no close`);
    days.push(cells[dateAt] as string);
  }
  return days.sort();
}
