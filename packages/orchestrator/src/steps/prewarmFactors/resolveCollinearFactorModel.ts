import {
  computeMetricSet,
  isoToEpochDay,
  Reason,
  type FactorModelRecord,
  type FactorWindow,
  type MetricSet,
  type MetricSetInput,
  type MetricSetOptions,
  type Unavailable,
} from '@truth-spine/finance-core';
import { nominalRateIsRealPlusBreakeven } from './nominalRateIsRealPlusBreakeven.js';

/** The factor left out of the fit when it is the sum of two others. */
export const COLLINEAR_FACTOR = 'DGS10';

/** Reason stored on the dropped factor's exposure rows. */
export const COLLINEAR_FACTOR_REASON =
  'collinear: DGS10 = DFII10 + T10YIE on every observation (dropped from the fit)';

/** A metric set's factor model with, per window, the factors left out and why. */
export interface ResolvedFactorModel {
  readonly section: MetricSet['factor_model'];
  /** window → factor → reason it has no loading. */
  readonly dropped: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * The `factor_model` section of `set` (computed from `input`) with every window whose fit
 * is "singular design matrix" because Δ DGS10 = Δ DFII10 + Δ T10YIE on all its complete rows
 * ({@link nominalRateIsRealPlusBreakeven}) refitted without DGS10 — the same
 * `computeMetricSet` on the four other factors, so windows, attribution and numbers are the
 * metric set's — and DGS10 listed in `dropped` for that window with
 * {@link COLLINEAR_FACTOR_REASON}. The nominal-rate effect is then carried by the real-rate
 * and breakeven loadings (d DGS10 = d DFII10 + d T10YIE). A window singular for another
 * reason, or any other window, is returned unchanged.
 *
 * @example const { section, dropped } = resolveCollinearFactorModel(input, set, asOfDay)
 */
export function resolveCollinearFactorModel(
  input: MetricSetInput,
  set: MetricSet,
  asOfDay: number,
  options: MetricSetOptions = {},
): ResolvedFactorModel {
  const section: Record<FactorWindow, FactorModelRecord | Unavailable> = { ...set.factor_model };
  const dropped: Record<string, Record<string, string>> = {};
  let reduced: MetricSet['factor_model'] | undefined;
  for (const window of Object.keys(section) as FactorWindow[]) {
    const record = section[window] as {
      readonly reason?: unknown;
      readonly first_date?: string | null;
      readonly last_date?: string | null;
    };
    if (record.reason !== Reason.singularDesign) continue;
    if (typeof record.first_date !== 'string' || typeof record.last_date !== 'string') continue;
    const start = input.calendar.indexOf(isoToEpochDay(record.first_date));
    const end = input.calendar.indexOf(isoToEpochDay(record.last_date)) + 1;
    if (start < 0 || !nominalRateIsRealPlusBreakeven(input, start, end)) continue;
    reduced ??= computeMetricSet(
      withoutFactor(input, COLLINEAR_FACTOR),
      asOfDay,
      options,
    ).factor_model;
    const refit = reduced[window];
    section[window] = refit;
    if (typeof (refit as { reason?: unknown }).reason !== 'string') {
      dropped[window] = { [COLLINEAR_FACTOR]: COLLINEAR_FACTOR_REASON };
    }
  }
  return { section, dropped };
}

/** `input` without the factor `name` (the other series are the same views). */
function withoutFactor(input: MetricSetInput, name: string): MetricSetInput {
  const keep = input.factorNames.map((n) => n !== name);
  return {
    ...input,
    factors: input.factors.filter((_, j) => keep[j]),
    factorNames: input.factorNames.filter((_, j) => keep[j]),
  };
}
