import type { UndefinedValue } from '../result/undefinedValue.js';
import type { AnnualSeries } from './annualSeries.js';
import type { QualityMeasure } from './qualityMeasure.js';

/** A per-year figure a component used (e.g. ROE by fiscal year), values aligned with years. */
export interface QualityInput {
  readonly fiscalYears: readonly number[];
  readonly values: readonly number[];
}

/** What every component carries besides its value: the years, inputs and measures used. */
interface QualityComponentFacts {
  /** Fiscal years (ascending) whose figures entered any input. */
  readonly fiscalYears: readonly number[];
  /** The per-year figures the measures were computed from, by name. */
  readonly inputs: Readonly<Record<string, QualityInput>>;
  readonly measures: readonly QualityMeasure[];
}

/** A component that could be scored: `value` 0–100, the reasons of its measures joined. */
export interface ScoredQualityComponent extends QualityComponentFacts {
  readonly value: number;
  readonly reason: string;
}

/** A component none of whose measures could be computed. */
export interface UnscoredQualityComponent extends UndefinedValue, QualityComponentFacts {}

/** Result of one quality component. */
export type QualityComponent = ScoredQualityComponent | UnscoredQualityComponent;

/**
 * Combines measures into a component: value = Σ wᵢ·scoreᵢ / Σ wᵢ over the measures that have
 * a score (the weights of unavailable measures are shared out pro rata). With no scored
 * measure the component is `{ value: null, reason }`. The reason joins the measures' distinct
 * reasons, so it states every figure used or why it is missing.
 * `inputs` are the per-year series the measures were computed from.
 */
export function combineMeasures(
  measures: readonly QualityMeasure[],
  series: Readonly<Record<string, AnnualSeries>>,
): QualityComponent {
  const inputs: Record<string, QualityInput> = {};
  const years = new Set<number>();
  for (const [name, { fiscalYears, values }] of Object.entries(series)) {
    inputs[name] = { fiscalYears, values: Array.from(values) };
    for (const year of fiscalYears) years.add(year);
  }
  const fiscalYears = [...years].sort((a, b) => a - b);
  let weighted = 0;
  let weight = 0;
  for (const measure of measures) {
    if (measure.score === null) continue;
    weighted += measure.weight * measure.score;
    weight += measure.weight;
  }
  const reason = [...new Set(measures.map((m) => m.reason))].join('; ');
  if (weight === 0) return { value: null, reason, fiscalYears, inputs, measures };
  return { value: weighted / weight, reason, fiscalYears, inputs, measures };
}
