import { exportPackFactors, type PackFactorsExport } from '@truth-spine/orchestrator';
import { alignColumns, formatStatistic } from '../cli/humanNumbers.js';
import { formatStoredValue, packExportCommand } from './metricsPackExport.js';

/**
 * `factors PACK_ID [--json]`: the pack's regime and every factor exposure prewarm_factors
 * stored (loading, standard error, t-value, contribution per portfolio, window, factor),
 * sorted — deterministic, so exports of two fresh databases compare byte for byte. Text
 * rounds statistics to 6 significant digits in aligned columns; `--json` keeps them whole.
 */
export const factorsCommand = packExportCommand<PackFactorsExport>({
  name: 'factors',
  summary: 'factors PACK_ID [--json]: stored regime and factor exposures of a pack',
  read: exportPackFactors,
  text: (exported) => {
    const r = exported.regime;
    const stat = (x: number | null) => (x === null ? 'null' : formatStatistic(x));
    const regime =
      r === null
        ? 'regime  none stored\n'
        : `regime  ${r.as_of}  ${r.regime ?? `null (${r.reason ?? ''})`}  growth ${stat(r.growth_signal)}  ` +
          `inflation ${stat(r.inflation_signal)}  confidence ${stat(r.confidence)}  changed ${String(r.changed)}\n`;
    // Identity columns aligned over every row, the figures over the rows that have them.
    const heads = alignColumns(
      exported.exposures.map((e) => [e.portfolio_id, e.window, e.factor]),
      new Set(),
    );
    const headWidth = Math.max(0, ...heads.map((h) => h.length));
    const figures = alignColumns(
      exported.exposures.flatMap((e) =>
        e.reason !== null
          ? []
          : [
              [
                ...['loading', stat(e.loading), 'se', stat(e.standard_error)],
                ...['t', stat(e.t_value), 'contribution', stat(e.contribution)],
              ],
            ],
      ),
      new Set([1, 3, 5, 7]),
    );
    let next = 0;
    const rows = exported.exposures.map((e, i) => {
      const tail = e.reason !== null ? formatStoredValue(null, e.reason) : (figures[next++] ?? '');
      return `${(heads[i] ?? '').padEnd(headWidth)}  ${tail}`;
    });
    return regime + rows.map((line) => `${line}\n`).join('');
  },
});
