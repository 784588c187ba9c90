import { describe, expect, it } from 'vitest';
import { FactorInputError } from './factorInputError.js';
import { MACRO_FACTORS, macroFactorChanges } from './macroFactors.js';

describe('macroFactorChanges', () => {
  const levels = {
    DFII10: Float64Array.of(1.5, 1.55),
    T10YIE: Float64Array.of(2.3, 2.28),
    BAMLC0A0CM: Float64Array.of(1.1, NaN),
    DTWEXBGS: Float64Array.of(120, 121.2),
    DGS10: Float64Array.of(3.8, 3.83),
  };

  it('takes percentage-point differences of yields and spreads and the log return of the dollar', () => {
    const { names, changes } = macroFactorChanges(levels);
    expect(names).toEqual(['DFII10', 'T10YIE', 'BAMLC0A0CM', 'DTWEXBGS', 'DGS10']);
    expect(changes[0]![1]).toBeCloseTo(0.05, 14);
    expect(changes[1]![1]).toBeCloseTo(-0.02, 14);
    expect(changes[2]![1]).toBeNaN();
    expect(changes[3]![1]).toBeCloseTo(Math.log(1.01), 15);
    expect(changes[4]![1]).toBeCloseTo(0.03, 14);
    expect(MACRO_FACTORS.filter((f) => f.change === 'logReturn').map((f) => f.id)).toEqual([
      'DTWEXBGS',
    ]);
  });

  it('names the missing series', () => {
    const { DGS10: _omitted, ...partial } = levels;
    expect(() => macroFactorChanges(partial)).toThrow(FactorInputError);
    expect(() => macroFactorChanges(partial)).toThrow(/DGS10/);
  });
});
