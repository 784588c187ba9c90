import type { JsonValue } from '../../pipeline/stepBody.js';
import { compareCodePoints } from '../metricSets/compareCodePoints.js';

/** One factor loading of one portfolio over one window (1Y, 3Y, SI); null where undefined. */
export interface FactorExposure {
  readonly window: string;
  readonly factor: string;
  readonly loading: number | null;
  readonly standardError: number | null;
  readonly tValue: number | null;
  readonly contribution: number | null;
  readonly reason: string | null;
  readonly details: JsonValue;
}

/**
 * One entry of a `factor_sets.exposures` record (packages/store/docs/SCHEMA.md): a factor
 * exposure with its null fields left out — `{ window, factor, loading?, standard_error?,
 * t_value?, contribution?, reason?, details? }`.
 */
export interface FactorSetEntry {
  readonly window: string;
  readonly factor: string;
  readonly loading?: number;
  readonly standard_error?: number;
  readonly t_value?: number;
  readonly contribution?: number;
  readonly reason?: string;
  readonly details?: JsonValue;
}

/**
 * The record of one portfolio's factor exposures: a JSON array of {@link FactorSetEntry}
 * sorted by window, then factor, in code-point order (`collate "C"`), the order every reader
 * returns. Numbers print as `JSON.stringify`'s shortest round-trip decimal, which jsonb keeps
 * exactly, so decoding gives the computed doubles bit for bit (−0 reads back as 0, as the old
 * `factor_exposures` export printed it). Throws, writing nothing, on a statistic that is
 * neither a finite number nor null, or two exposures of the same window and factor.
 */
export function encodeFactorSet(exposures: readonly FactorExposure[]): string {
  const sorted = [...exposures].sort(
    (a, b) => compareCodePoints(a.window, b.window) || compareCodePoints(a.factor, b.factor),
  );
  const entries = sorted.map((e, i) => {
    const before = sorted[i - 1];
    if (before !== undefined && before.window === e.window && before.factor === e.factor) {
      throw new Error(`factor set: two exposures of ${e.window} ${e.factor}`);
    }
    return factorSetEntry(e);
  });
  return JSON.stringify(entries);
}

/** The exposures of a record written by {@link encodeFactorSet} (jsonb text), in its order. */
export function decodeFactorSet(text: string): FactorExposure[] {
  return (JSON.parse(text) as readonly FactorSetEntry[]).map((e) => ({
    window: e.window,
    factor: e.factor,
    loading: e.loading ?? null,
    standardError: e.standard_error ?? null,
    tValue: e.t_value ?? null,
    contribution: e.contribution ?? null,
    reason: e.reason ?? null,
    details: e.details ?? null,
  }));
}

function factorSetEntry(e: FactorExposure): FactorSetEntry {
  const statistic = (name: string, x: number | null) => {
    if (x !== null && (typeof x !== 'number' || !Number.isFinite(x))) {
      throw new Error(
        `factor set: ${e.window} ${e.factor} has ${name} ${String(x)}, not a finite number`,
      );
    }
    return x === null ? {} : { [name]: x };
  };
  return {
    window: e.window,
    factor: e.factor,
    ...statistic('loading', e.loading),
    ...statistic('standard_error', e.standardError),
    ...statistic('t_value', e.tValue),
    ...statistic('contribution', e.contribution),
    ...(e.reason === null ? {} : { reason: e.reason }),
    ...(e.details === null ? {} : { details: e.details }),
  };
}
