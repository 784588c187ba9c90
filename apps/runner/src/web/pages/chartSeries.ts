import type { PortfolioHistory } from '../data/portfolioReads.js';

/** What the charts script reads (`#chart-data`): drawing data only, never the numbers a person reads. */
export interface ChartData {
  /** Days since 1970-01-01 (UTC) of each observation. */
  readonly days: readonly number[];
  readonly values: readonly number[];
  readonly twr: readonly number[];
  readonly drawdown: readonly number[];
  readonly benchmark: readonly (number | null)[];
  readonly currency: string;
  readonly benchmarkSymbol: string;
}

/** `x` with 6 significant digits: far below a pixel on any chart, a third of the bytes. */
export function forDrawing(x: number): number {
  return Number(x.toPrecision(6));
}

/**
 * The history as chart data: dates as day numbers and every value rounded by
 * {@link forDrawing} — the page's tables keep the full stored values.
 */
export function chartData(
  h: PortfolioHistory,
  currency: string,
  benchmarkSymbol: string,
): ChartData {
  return {
    days: h.dates.map((d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000),
    values: h.values.map(forDrawing),
    twr: h.twr.map(forDrawing),
    drawdown: h.drawdown.map(forDrawing),
    benchmark: h.benchmark.map((b) => (b === null ? null : forDrawing(b))),
    currency,
    benchmarkSymbol,
  };
}
