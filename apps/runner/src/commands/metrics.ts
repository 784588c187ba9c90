import { exportPackMetrics, type PackMetricsExport } from '@truth-spine/orchestrator';
import { formatStoredValue, packExportCommand } from './metricsPackExport.js';

/**
 * `metrics PACK_ID [--json]`: every valuation and metric compute_daily_metrics (and the
 * factor correlations of prewarm_factors) stored for the pack, sorted by portfolio and
 * metric name — deterministic, so exports of two fresh databases compare byte for byte.
 */
export const metricsCommand = packExportCommand<PackMetricsExport>({
  name: 'metrics',
  summary: 'metrics PACK_ID [--json]: stored valuations and metrics of a pack',
  read: exportPackMetrics,
  text: (exported) =>
    [
      ...exported.valuations.map(
        (v) =>
          `${v.portfolio_id}  valuation  ${v.as_of}  ${v.base_currency}  market ${v.market_value}  ` +
          `securities ${v.securities_value}  cash ${v.cash_value}  positions ${v.positions}\n`,
      ),
      ...exported.metrics.map(
        (m) => `${m.portfolio_id}  ${m.metric}  ${formatStoredValue(m.value, m.reason)}\n`,
      ),
    ].join(''),
});
