import { describe, expect, it } from 'vitest';
import { FactorInputError } from '../factors/factorInputError.js';
import { factorMomentumZ } from '../factors/factorMomentumZ.js';
import { isUndefinedValue } from '../result/undefinedValue.js';
import { detectRegimes } from './detectRegimes.js';
import { REGIME_NAMES } from './regime.js';

/** A level path: flat with a gentle wiggle for `flat` rows, then a steady trend of `slope` per row. */
function path(start: number, flat: number, trendRows: number, slope: number): Float64Array {
  return Float64Array.from({ length: flat + trendRows }, (_, i) =>
    i < flat ? start + 0.01 * Math.sin(i) : start + slope * (i - flat + 1),
  );
}

describe('detectRegimes (defaults: T10YIE and BAMLC0A0CM level momentum, 90 rows)', () => {
  it('reads rising breakevens with tightening spreads as Reflation, and widening spreads with falling breakevens as Deflation', () => {
    const up = detectRegimes({
      T10YIE: path(2.2, 100, 60, 0.01),
      BAMLC0A0CM: path(1.2, 100, 60, -0.01),
    });
    expect(up.latest).toMatchObject({
      regime: 'Reflation',
      growth: 'up',
      inflation: 'up',
      changed: false,
    });
    const down = detectRegimes({
      T10YIE: path(2.2, 100, 60, -0.01),
      BAMLC0A0CM: path(1.2, 100, 60, 0.01),
    });
    expect(down.latest).toMatchObject({ regime: 'Deflation', growth: 'down', inflation: 'down' });
  });

  it('uses the documented signals: inflation = z(T10YIE), growth = −z(BAMLC0A0CM)', () => {
    const levels = { T10YIE: path(2.2, 100, 60, 0.01), BAMLC0A0CM: path(1.2, 100, 60, 0.004) };
    const { rows, latest } = detectRegimes(levels);
    const last = rows.regimes.length - 1;
    const inflation = factorMomentumZ(levels.T10YIE, last, 90);
    const spread = factorMomentumZ(levels.BAMLC0A0CM, last, 90);
    if (isUndefinedValue(inflation) || isUndefinedValue(spread))
      throw new Error('undefined momentum');
    expect(rows.inflation_signal[last]).toBe(inflation.value);
    expect(rows.growth_signal[last]).toBe(-spread.value);
    expect(latest).toMatchObject({ regime: 'Stagflation' });
    expect(rows.regimes[88]).toBe(0); // fewer than 90 rows of history
    expect(REGIME_NAMES[rows.regimes[89]!]).not.toBeNull();
  });

  it('reports the change on the day a trend turns the regime', () => {
    const inflation = path(2.2, 100, 80, 0.01);
    const spreads = Float64Array.from(path(1.2, 100, 80, -0.01), (v, i) =>
      i < 140 ? v : 1.2 + 0.03 * (i - 139),
    );
    const { rows } = detectRegimes({ T10YIE: inflation, BAMLC0A0CM: spreads });
    const changes = Array.from(rows.changed.keys()).filter((i) => rows.changed[i] === 1 && i > 120);
    expect(changes.length).toBe(1);
    expect(REGIME_NAMES[rows.regimes[changes[0]! - 1]!]).toBe('Reflation');
    expect(REGIME_NAMES[rows.regimes[changes[0]!]!]).toBe('Stagflation');
  });

  it('accepts other signals and thresholds and names a missing series', () => {
    const levels = { A: path(1, 100, 20, 0.01), B: path(1, 100, 20, 0.01) };
    const custom = detectRegimes(levels, {
      growth: { series: 'A', window: 30, sign: 1, basis: 'level' },
      inflation: { series: 'B', window: 30, sign: -1, basis: 'level' },
      threshold: 1,
    });
    expect(custom.latest).toMatchObject({ regime: 'Goldilocks' });
    expect(() => detectRegimes(levels)).toThrow(FactorInputError);
    expect(() => detectRegimes(levels)).toThrow(/BAMLC0A0CM/);
  });
});
