import { describe, expect, it } from 'vitest';
import { hysteresisDirections } from './hysteresisDirections.js';

describe('hysteresisDirections', () => {
  it('starts at the sign of the first signal and holds inside the band', () => {
    expect(
      Array.from(hysteresisDirections(Float64Array.of(0.1, -0.3, -0.6, 0.2, 0.49, 0.51), 0.5)),
    ).toEqual([1, 1, -1, -1, -1, 1]);
  });

  it('does not flip-flop on noise around zero that a plain sign would follow', () => {
    const noise = Float64Array.of(0.3, -0.2, 0.25, -0.4, 0.1, -0.3, 0.45, -0.45);
    const directions = hysteresisDirections(noise, 0.5);
    expect(Array.from(directions)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    const plainSign = Array.from(noise, (s) => (s >= 0 ? 1 : -1));
    expect(plainSign.filter((d, i) => i > 0 && d !== plainSign[i - 1]).length).toBe(7);
  });

  it('gives 0 on rows without a signal and keeps the state across them', () => {
    expect(Array.from(hysteresisDirections(Float64Array.of(NaN, -1, NaN, 0.3, 0.8), 0.5))).toEqual([
      0, -1, 0, -1, 1,
    ]);
  });

  it('with a zero band follows the sign (ties keep the state)', () => {
    expect(Array.from(hysteresisDirections(Float64Array.of(-1, 0, 1, 0, -0.1), 0))).toEqual([
      -1, -1, 1, 1, -1,
    ]);
  });
});
