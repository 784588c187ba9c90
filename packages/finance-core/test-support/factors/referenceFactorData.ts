/**
 * Test support (not part of the library build): the reference market's factor series and a
 * reference portfolio's daily returns on the market calendar, read from the fixtures copied
 * into `src/__fixtures__/reference/` (see SOURCES.md there).
 */
import {
  parseCsv,
  readReferenceFile,
  referenceMarket,
  referencePortfolioRows,
} from '../reference/referenceData.js';

/** Market dates (ISO), factor names and factor series. */
export interface ReferenceFactors {
  readonly dates: readonly string[];
  readonly names: readonly string[];
  readonly factors: readonly Float64Array[];
}

/** The five factors of `data/market.csv` on its calendar. */
export function referenceFactors(): ReferenceFactors {
  const market = referenceMarket();
  const dates = parseCsv(readReferenceFile('data/market.csv')).rows.map((r) => r[0]!);
  return { dates, names: market.factorNames, factors: market.factors };
}

/** Daily returns of portfolio `P1`/`P2` on the market calendar (NaN where none). */
export function referenceReturns(portfolio: string, dates: readonly string[]): Float64Array {
  const byDate = new Map(referencePortfolioRows(portfolio).map((r) => [r[0]!, r[1]!]));
  return Float64Array.from(dates, (date) => {
    const cell = byDate.get(date);
    return cell === undefined || cell === '' ? Number.NaN : Number(cell);
  });
}

/** A rolling CSV of `expected/rolling/` as header + rows of cells. */
export function referenceRolling(name: string): { header: string[]; rows: string[][] } {
  return parseCsv(readReferenceFile(`expected/rolling/${name}.csv`));
}
