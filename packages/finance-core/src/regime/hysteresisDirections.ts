import type { Direction } from './regime.js';

/**
 * Up/down state of a signal with hysteresis, row by row.
 *
 * The first row with a signal starts the state at its sign (≥ 0 → up). Afterwards an up
 * state turns down only when s < −threshold and a down state turns up only when
 * s > +threshold; inside the band the state holds, so noise around zero cannot flip it
 * daily. A NaN signal gives 0 (undefined) on that row and leaves the state as it was.
 *
 * @example hysteresisDirections(Float64Array.of(0.1, -0.3, -0.6, 0.2), 0.5) // → [1, 1, -1, -1]
 */
export function hysteresisDirections(signal: Float64Array, threshold: number): Int8Array {
  const directions = new Int8Array(signal.length);
  let state: Direction = 0;
  for (let i = 0; i < signal.length; i++) {
    const s = signal[i]!;
    if (Number.isNaN(s)) continue;
    if (state === 0) state = s >= 0 ? 1 : -1;
    else if (state === 1 && s < -threshold) state = -1;
    else if (state === -1 && s > threshold) state = 1;
    directions[i] = state;
  }
  return directions;
}
