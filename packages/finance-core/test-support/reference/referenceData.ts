/**
 * Test support (not part of the library build, outside `src/` because it reads files): reads
 * the reference data set copied into `src/__fixtures__/reference/` (see SOURCES.md there)
 * into `MetricSetInput`s, and the expected documents.
 */
import { readFileSync } from 'node:fs';
import { alignToCalendar } from '../../src/dates/alignToCalendar.js';
import { isoToEpochDay } from '../../src/dates/isoToEpochDay.js';
import type { MetricSetInput } from '../../src/metricSet/metricSetInput.js';

const here = new URL('../../src/__fixtures__/reference/', import.meta.url);

/** Text of a file under `src/__fixtures__/reference/`, e.g. `data/P1.csv`. */
export function readReferenceFile(path: string): string {
  return readFileSync(new URL(path, here), 'utf8');
}

/** Parsed JSON of `expected/<name>.json`. */
export function readExpected(name: string): Record<string, unknown> {
  return JSON.parse(readReferenceFile(`expected/${name}.json`)) as Record<string, unknown>;
}

/** Rows of a small CSV with a header; blank cells are ''. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split('\n').filter((line) => line.length > 0);
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((line) => line.split(',')) };
}

const num = (cell: string): number => (cell === '' ? Number.NaN : Number(cell));

/** The market calendar and series of `data/market.csv`. */
export function referenceMarket(): Pick<
  MetricSetInput,
  'calendar' | 'benchmark' | 'riskFree' | 'factors' | 'factorNames'
> {
  const { header, rows } = parseCsv(readReferenceFile('data/market.csv'));
  const column = (name: string) => Float64Array.from(rows, (r) => num(r[header.indexOf(name)]!));
  const factorNames = header.slice(4);
  return {
    calendar: Int32Array.from(rows, (r) => isoToEpochDay(r[0]!)),
    benchmark: column('benchmark'),
    riskFree: column('rf_daily'),
    factors: factorNames.map(column),
    factorNames,
  };
}

/** Portfolio rows as text (first row = inception valuation), for tests that edit them. */
export function referencePortfolioRows(portfolio: string): string[][] {
  return parseCsv(readReferenceFile(`data/${portfolio}.csv`)).rows;
}

/**
 * A `MetricSetInput` from portfolio rows `date,return,value,external_flow` (the first row is
 * the inception valuation) on the reference market calendar.
 */
export function metricSetInputFromRows(
  portfolio: string,
  rows: readonly string[][],
): MetricSetInput {
  const market = referenceMarket();
  const [inception, ...daily] = rows;
  const days = Int32Array.from(daily, (r) => isoToEpochDay(r[0]!));
  const align = (col: number) =>
    alignToCalendar(
      market.calendar,
      days,
      Float64Array.from(daily, (r) => num(r[col]!)),
    );
  const flows = align(3).map((f) => (f === f ? f : 0));
  return {
    portfolio,
    ...market,
    inceptionDay: isoToEpochDay(inception![0]!),
    inceptionValue: Number(inception![2]),
    returns: align(1),
    values: align(2),
    flows,
  };
}

/** The reference portfolio `P1` or `P2` as a `MetricSetInput`. */
export function referenceInput(portfolio: string): MetricSetInput {
  return metricSetInputFromRows(portfolio, referencePortfolioRows(portfolio));
}
