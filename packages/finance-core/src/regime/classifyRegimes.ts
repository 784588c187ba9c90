import { FactorInputError } from '../factors/factorInputError.js';
import { hysteresisDirections } from './hysteresisDirections.js';
import { regimeCode, type Direction } from './regime.js';

/** Regime and its inputs at every row (codes of `REGIME_NAMES`; 0 = undefined). */
export interface RegimeSeries {
  readonly regimes: Int8Array;
  /** +1 up, −1 down, 0 undefined. */
  readonly growth_direction: Int8Array;
  readonly inflation_direction: Int8Array;
  /** The signals the directions were read from (NaN = undefined). */
  readonly growth_signal: Float64Array;
  readonly inflation_signal: Float64Array;
  /** In [0, 1]; NaN where the regime is undefined. */
  readonly confidence: Float64Array;
  /** 1 when the row's regime differs from the previous row's (both defined), else 0. */
  readonly changed: Uint8Array;
}

/**
 * Regimes from a growth and an inflation signal, row by row (docs/FACTORS.md).
 *
 * Each axis: {@link hysteresisDirections} with band ±`threshold`. Regime: see `regimeCode`.
 * Confidence = min over the two axes of clamp(direction · signal / `confidenceScale`, 0, 1):
 * an axis whose signal sits at or beyond the scale on its side is certain, one held only by
 * hysteresis (signal on the other side of zero) has 0, and a regime is as certain as its
 * weaker axis. `changed` compares with the previous row's regime when both are defined
 * (the first defined row, and a row after an undefined one, are not changes).
 *
 * Throws {@link FactorInputError} for signals of different lengths, a negative or
 * non-finite threshold, or a non-positive confidence scale.
 *
 * @example classifyRegimes(Float64Array.of(1), Float64Array.of(-1), 0.5, 2).regimes // → [1] (Goldilocks)
 */
export function classifyRegimes(
  growthSignal: Float64Array,
  inflationSignal: Float64Array,
  threshold: number,
  confidenceScale: number,
): RegimeSeries {
  if (growthSignal.length !== inflationSignal.length) {
    throw new FactorInputError(
      'length_mismatch',
      `growth signal has ${growthSignal.length} rows, inflation signal ${inflationSignal.length}`,
    );
  }
  if (!(threshold >= 0 && Number.isFinite(threshold))) {
    throw new FactorInputError('invalid_option', `regime threshold must be ≥ 0, got ${threshold}`);
  }
  if (!(confidenceScale > 0 && Number.isFinite(confidenceScale))) {
    throw new FactorInputError(
      'invalid_option',
      `regime confidenceScale must be > 0, got ${confidenceScale}`,
    );
  }
  const length = growthSignal.length;
  const growth = hysteresisDirections(growthSignal, threshold);
  const inflation = hysteresisDirections(inflationSignal, threshold);
  const regimes = new Int8Array(length);
  const confidence = new Float64Array(length).fill(NaN);
  const changed = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const g = growth[i]! as Direction;
    const f = inflation[i]! as Direction;
    const code = regimeCode(g, f);
    regimes[i] = code;
    if (code === 0) continue;
    confidence[i] = Math.min(
      axisCertainty(g, growthSignal[i]!, confidenceScale),
      axisCertainty(f, inflationSignal[i]!, confidenceScale),
    );
    if (i > 0 && regimes[i - 1] !== 0 && regimes[i - 1] !== code) changed[i] = 1;
  }
  return {
    regimes,
    growth_direction: growth,
    inflation_direction: inflation,
    growth_signal: growthSignal,
    inflation_signal: inflationSignal,
    confidence,
    changed,
  };
}

function axisCertainty(direction: Direction, signal: number, scale: number): number {
  return Math.max(0, Math.min(1, (direction * signal) / scale));
}
