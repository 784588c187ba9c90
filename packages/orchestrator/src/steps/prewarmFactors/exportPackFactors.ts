import type { Database } from '@truth-spine/store';
import type { JsonValue } from '../../pipeline/stepBody.js';
import type { FactorExposure } from './factorSetRecord.js';
import { readFactorSets } from './readFactorSets.js';

/** Everything prewarm_factors stored for a pack, in a deterministic order. */
export interface PackFactorsExport {
  readonly pack_id: string;
  readonly regime: {
    readonly as_of: string;
    readonly regime: string | null;
    readonly growth_signal: number | null;
    readonly inflation_signal: number | null;
    readonly confidence: number | null;
    readonly changed: boolean | null;
    readonly reason: string | null;
    readonly details: JsonValue;
  } | null;
  readonly exposures: readonly ExportedExposure[];
}

/** One stored factor exposure as exported (snake_case, as in its `factor_sets` record). */
export interface ExportedExposure {
  readonly portfolio_id: string;
  readonly window: string;
  readonly factor: string;
  readonly loading: number | null;
  readonly standard_error: number | null;
  readonly t_value: number | null;
  readonly contribution: number | null;
  readonly reason: string | null;
  readonly details: JsonValue;
}

const nullableNumber = (x: unknown): number | null => (x === null ? null : Number(x));
const json = (x: string | null): JsonValue => (x === null ? null : (JSON.parse(x) as JsonValue));

/**
 * The regime and every factor exposure stored for `packId` (the `factor_sets` records),
 * exposures sorted by portfolio, window and factor (`collate "C"`). Floats print as shortest round-trip decimals through
 * `JSON.stringify`, so equal databases export byte-identical JSON. (The factor rolling
 * correlations are metrics: `exportPackMetrics`.)
 */
export async function exportPackFactors(db: Database, packId: string): Promise<PackFactorsExport> {
  const [regime] = await db.query<{
    as_of: string;
    regime: string | null;
    growth_signal: unknown;
    inflation_signal: unknown;
    confidence: unknown;
    changed: boolean | null;
    reason: string | null;
    details: string | null;
  }>(
    `select as_of::text as as_of, regime, growth_signal, inflation_signal, confidence, changed,
            reason, details::text as details from regimes where pack_id = $1`,
    [packId],
  );
  const sets = await readFactorSets(db, packId);
  return {
    pack_id: packId,
    regime:
      regime === undefined
        ? null
        : {
            as_of: regime.as_of,
            regime: regime.regime,
            growth_signal: nullableNumber(regime.growth_signal),
            inflation_signal: nullableNumber(regime.inflation_signal),
            confidence: nullableNumber(regime.confidence),
            changed: regime.changed,
            reason: regime.reason,
            details: json(regime.details),
          },
    exposures: sets.flatMap((s) => s.exposures.map((e) => exportedExposure(s.portfolioId, e))),
  };
}

/** A stored factor exposure as the export prints it (these keys, in this order). */
export function exportedExposure(portfolioId: string, e: FactorExposure): ExportedExposure {
  return {
    portfolio_id: portfolioId,
    window: e.window,
    factor: e.factor,
    loading: e.loading,
    standard_error: e.standardError,
    t_value: e.tValue,
    contribution: e.contribution,
    reason: e.reason,
    details: e.details,
  };
}
