import { exportPackFactors, type PackFactorsExport } from '@truth-spine/orchestrator';
import { formatStoredValue, packExportCommand } from './metricsPackExport.js';

/**
 * `factors PACK_ID [--json]`: the pack's regime and every factor exposure prewarm_factors
 * stored (loading, standard error, t-value, contribution per portfolio, window, factor),
 * sorted — deterministic, so exports of two fresh databases compare byte for byte.
 */
export const factorsCommand = packExportCommand<PackFactorsExport>({
  name: 'factors',
  summary: 'factors PACK_ID [--json]: stored regime and factor exposures of a pack',
  read: exportPackFactors,
  text: (exported) => {
    const r = exported.regime;
    const regime =
      r === null
        ? 'regime  none stored\n'
        : `regime  ${r.as_of}  ${r.regime ?? `null (${r.reason ?? ''})`}  growth ${String(r.growth_signal)}  ` +
          `inflation ${String(r.inflation_signal)}  confidence ${String(r.confidence)}  changed ${String(r.changed)}\n`;
    return (
      regime +
      exported.exposures
        .map((e) =>
          e.reason !== null
            ? `${e.portfolio_id}  ${e.window}  ${e.factor}  ${formatStoredValue(null, e.reason)}\n`
            : `${e.portfolio_id}  ${e.window}  ${e.factor}  loading ${String(e.loading)}  ` +
              `se ${String(e.standard_error)}  t ${String(e.t_value)}  contribution ${String(e.contribution)}\n`,
        )
        .join('')
    );
  },
});
