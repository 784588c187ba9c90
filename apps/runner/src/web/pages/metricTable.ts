import type { PortfolioMetric } from '../data/portfolioReads.js';
import { html, type SafeHtml } from '../html.js';
import { statistic } from './format.js';

/** The period names a metric key may contain, in the order of the table's columns. */
export const periods = [
  '1d',
  '30d',
  '60d',
  '90d',
  'MTD',
  'QTD',
  'YTD',
  '1Y',
  '3Y',
  '5Y',
  'inception',
] as const;

/**
 * Splits a stored metric key into a row name and a period column: the first dot-separated
 * part that is a period is the column, the other parts joined by dots are the row
 * (`twr.1Y.cumulative` → row `twr.cumulative`, column `1Y`); a key with no period has
 * the column `—`.
 */
export function metricCell(metric: string): { row: string; period: string } {
  const parts = metric.split('.');
  const at = parts.findIndex((p) => (periods as readonly string[]).includes(p));
  if (at < 0) return { row: metric, period: '—' };
  return { row: [...parts.slice(0, at), ...parts.slice(at + 1)].join('.'), period: parts[at]! };
}

/** The metric set as a table: one row per measure, periods as columns, nulls with their reasons on hover. */
export function metricTable(metrics: readonly PortfolioMetric[]): SafeHtml {
  if (metrics.length === 0) return html`<p class="muted">No metrics stored.</p>`;
  const cells = new Map<string, Map<string, PortfolioMetric>>();
  const used = new Set<string>();
  for (const m of metrics) {
    const { row, period } = metricCell(m.metric);
    used.add(period);
    const line = cells.get(row) ?? new Map<string, PortfolioMetric>();
    line.set(period, m);
    cells.set(row, line);
  }
  const columns = [...periods, '—'].filter((p) => used.has(p));
  return html`<table id="metrics">
    <tr>
      <th>metric</th>
      ${columns.map((c) => html`<th class="n">${c}</th>`)}
    </tr>
    ${[...cells].map(
      ([row, line]) =>
        html`<tr>
          <td>${row}</td>
          ${columns.map((c) => {
            const m = line.get(c);
            return html`<td class="n">
              ${m === undefined ? null : html`<span data-metric="${m.metric}">${statistic(m.value, m.reason)}</span>`}
            </td>`;
          })}
        </tr>`,
    )}
  </table>`;
}
