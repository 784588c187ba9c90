import { describe, expect, it } from 'vitest';
import { factorChanges } from '../factors/factorChanges.js';
import { factorMomentumZSeries } from '../factors/factorMomentumZSeries.js';
import { DEFAULT_REGIME_OPTIONS } from './regimeOptions.js';
import { regimeSignal } from './regimeSignal.js';

describe('regimeSignal', () => {
  const spread = Float64Array.from(
    { length: 40 },
    (_, i) => 1 + 0.02 * Math.sin(i / 3) + 0.001 * i,
  );

  it('is sign × momentum z of the level or of its daily change', () => {
    const spec = { series: 'S', window: 10, sign: -1 as const, basis: 'level' as const };
    const levelZ = factorMomentumZSeries(spread, 10);
    const signal = regimeSignal({ S: spread }, spec);
    expect(signal[39]).toBe(-levelZ[39]!);
    expect(signal[5]).toBeNaN();
    const changeZ = factorMomentumZSeries(factorChanges(spread, 'difference'), 10);
    expect(regimeSignal({ S: spread }, { ...spec, sign: 1, basis: 'change' })[39]).toBe(
      changeZ[39],
    );
  });

  it('documents its defaults: T10YIE up = inflation up, BAMLC0A0CM up = growth down, 90 rows', () => {
    expect(DEFAULT_REGIME_OPTIONS.inflation).toEqual({
      series: 'T10YIE',
      window: 90,
      sign: 1,
      basis: 'level',
    });
    expect(DEFAULT_REGIME_OPTIONS.growth).toEqual({
      series: 'BAMLC0A0CM',
      window: 90,
      sign: -1,
      basis: 'level',
    });
    expect(() => regimeSignal({}, DEFAULT_REGIME_OPTIONS.growth)).toThrow(/BAMLC0A0CM/);
  });
});
