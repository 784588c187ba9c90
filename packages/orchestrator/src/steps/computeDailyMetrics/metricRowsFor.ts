import type { MetricSet } from '@truth-spine/finance-core';
import { flattenMetricRecords, type MetricRow } from '../metricRows/flattenMetricRecords.js';

/** The metric-set sections the metrics step stores (factor sections belong to prewarm_factors). */
export const METRIC_SECTIONS = [
  'twr',
  'mwr_xirr',
  'volatility',
  'sharpe',
  'max_drawdown',
  'capm',
  'active',
  'win_loss',
] as const satisfies readonly (keyof MetricSet)[];

/**
 * Every stored metric of a metric set, flattened ({@link flattenMetricRecords}) under
 * `section.window[.field]`, e.g. `twr.YTD.cumulative`, `volatility.1Y`, `sharpe.30d`,
 * `max_drawdown.1Y`, `capm.1Y.beta`, `win_loss.1Y.win_rate` (hit statistics over daily returns).
 */
export function metricRowsFor(set: MetricSet): MetricRow[] {
  return METRIC_SECTIONS.flatMap((section) => flattenMetricRecords(section, set[section]));
}
