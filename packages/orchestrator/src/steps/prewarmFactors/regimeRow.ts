import { isUndefinedValue, type RegimeDetection } from '@truth-spine/finance-core';
import type { JsonValue } from '../../pipeline/stepBody.js';

/** Columns of a regimes row, in {@link regimeRow} order. */
export const REGIME_COLUMNS = [
  'pack_id',
  'as_of',
  'regime',
  'growth_signal',
  'inflation_signal',
  'confidence',
  'changed',
  'reason',
  'details',
] as const;

/**
 * The regimes row of a pack from `detectRegimes(...).latest` (the as-of row): the regime in
 * lower case (the column's enum), both signals, confidence and whether it changed since the
 * previous row; an undefined reading has a null regime and the reason. `details` carries
 * the directions and anything else the caller adds (e.g. factor momentum).
 */
export function regimeRow(
  packId: string,
  asOf: string,
  detection: RegimeDetection,
  details: { readonly [key: string]: JsonValue },
): unknown[] {
  const latest = detection.latest;
  if (isUndefinedValue(latest)) {
    return [packId, asOf, null, null, null, null, null, latest.reason, details];
  }
  return [
    packId,
    asOf,
    latest.regime.toLowerCase(),
    latest.growth_signal,
    latest.inflation_signal,
    latest.confidence,
    latest.changed,
    null,
    { ...details, growth: latest.growth, inflation: latest.inflation },
  ];
}
