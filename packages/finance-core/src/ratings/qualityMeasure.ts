import { piecewiseLinear, type ScoreAnchor } from './piecewiseLinear.js';

/**
 * One measured figure inside a quality component (e.g. mean ROE) and its 0–100 score.
 * `value` is the raw figure (fraction or ratio) or null when it cannot be computed;
 * `score` is null exactly when the measure is unavailable, and `reason` then says why.
 * `weight` is the measure's share of its component before redistribution.
 */
export interface QualityMeasure {
  readonly name: string;
  readonly value: number | null;
  readonly score: number | null;
  readonly weight: number;
  readonly reason: string;
}

/**
 * A measure scored on `curve`: score = piecewiseLinear(value, curve). A value that is not
 * finite (a ratio that overflowed) makes the measure unavailable instead.
 */
export function scoredMeasure(
  name: string,
  weight: number,
  value: number,
  curve: readonly ScoreAnchor[],
  reason: string,
): QualityMeasure {
  if (!Number.isFinite(value))
    return unavailableMeasure(name, weight, `${name} is not a finite number`);
  return { name, value, score: piecewiseLinear(value, curve), weight, reason };
}

/** A measure that cannot be computed; it takes no part in its component's score. */
export function unavailableMeasure(name: string, weight: number, reason: string): QualityMeasure {
  return { name, value: null, score: null, weight, reason };
}
