import { exportPackMetrics, type PackMetricsExport } from '@truth-spine/orchestrator';
import { alignColumns, formatMoney, formatStatistic } from '../cli/humanNumbers.js';
import { packExportCommand } from './metricsPackExport.js';

/**
 * `metrics PACK_ID [--json]`: every valuation and metric compute_daily_metrics (and the
 * factor correlations of prewarm_factors) stored for the pack, sorted by portfolio and
 * metric name — deterministic, so exports of two fresh databases compare byte for byte.
 * Text rounds for people (money to the currency's minor unit, statistics to 6
 * significant digits, aligned columns); `--json` keeps full precision.
 */
export const metricsCommand = packExportCommand<PackMetricsExport>({
  name: 'metrics',
  summary: 'metrics PACK_ID [--json]: stored valuations and metrics of a pack',
  read: exportPackMetrics,
  text: (exported) =>
    [
      ...alignColumns(
        exported.valuations.map((v) => [
          v.portfolio_id,
          'valuation',
          v.as_of,
          v.base_currency,
          'market',
          formatMoney(v.market_value, v.base_currency),
          'securities',
          formatMoney(v.securities_value, v.base_currency),
          'cash',
          formatMoney(v.cash_value, v.base_currency),
          'positions',
          String(v.positions),
        ]),
        new Set([5, 7, 9, 11]),
      ),
      ...alignColumns(
        exported.metrics.map((m) => [
          m.portfolio_id,
          m.metric,
          m.value === null ? `null (${m.reason ?? 'no value'})` : formatStatistic(m.value),
        ]),
        new Set([2]),
      ),
    ]
      .map((line) => `${line}\n`)
      .join(''),
});
