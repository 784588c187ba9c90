import type { UndefinedValue } from '../result/undefinedValue.js';
import type { QualityMeasure } from './qualityMeasure.js';

/** A component that could be scored: `value` 0–100, the reasons of its measures joined. */
export interface ScoredQualityComponent {
  readonly value: number;
  readonly reason: string;
  readonly fiscalYears: readonly number[];
  readonly measures: readonly QualityMeasure[];
}

/** A component none of whose measures could be computed. */
export interface UnscoredQualityComponent extends UndefinedValue {
  readonly fiscalYears: readonly number[];
  readonly measures: readonly QualityMeasure[];
}

/** Result of one quality component. */
export type QualityComponent = ScoredQualityComponent | UnscoredQualityComponent;

/**
 * Combines measures into a component: value = Σ wᵢ·scoreᵢ / Σ wᵢ over the measures that have
 * a score (the weights of unavailable measures are shared out pro rata). With no scored
 * measure the component is `{ value: null, reason }`. The reason joins the measures' distinct
 * reasons, so it states every figure used or why it is missing.
 * `fiscalYears` are the years whose figures entered any measure.
 */
export function combineMeasures(
  measures: readonly QualityMeasure[],
  fiscalYears: readonly number[],
): QualityComponent {
  let weighted = 0;
  let weight = 0;
  for (const measure of measures) {
    if (measure.score === null) continue;
    weighted += measure.weight * measure.score;
    weight += measure.weight;
  }
  const reason = [...new Set(measures.map((m) => m.reason))].join('; ');
  if (weight === 0) return { value: null, reason, fiscalYears, measures };
  return { value: weighted / weight, reason, fiscalYears, measures };
}
