import { describe, expect, it } from 'vitest';
import { FactorInputError } from '../factors/factorInputError.js';
import { classifyRegimes } from './classifyRegimes.js';
import { REGIME_NAMES } from './regime.js';
import { regimeAt } from './regimeAt.js';

const names = (codes: Int8Array) => Array.from(codes, (c) => REGIME_NAMES[c]);

describe('classifyRegimes', () => {
  it('maps each quadrant: growth × inflation', () => {
    const growth = Float64Array.of(1, 1, -1, -1);
    const inflation = Float64Array.of(-1, 1, 1, -1);
    // a zero band so every row is read on its own sign
    const rows = classifyRegimes(growth, inflation, 0, 2);
    expect(names(rows.regimes)).toEqual(['Goldilocks', 'Reflation', 'Stagflation', 'Deflation']);
    expect(Array.from(rows.changed)).toEqual([0, 1, 1, 1]);
  });

  it('keeps the regime while a signal wobbles inside the band; changes once it crosses', () => {
    const growth = Float64Array.of(1.2, 0.3, -0.4, 0.2, -0.7, -1.5);
    const inflation = Float64Array.of(-1, -1, -1, -1, -1, -1);
    const rows = classifyRegimes(growth, inflation, 0.5, 2);
    expect(names(rows.regimes)).toEqual([
      'Goldilocks',
      'Goldilocks',
      'Goldilocks',
      'Goldilocks',
      'Deflation',
      'Deflation',
    ]);
    expect(Array.from(rows.changed)).toEqual([0, 0, 0, 0, 1, 0]);
  });

  it('confidence = min over axes of clamp(direction · signal / scale, 0, 1)', () => {
    const rows = classifyRegimes(
      Float64Array.of(1.2, -0.4, 3),
      Float64Array.of(-0.5, -2, -4),
      0.5,
      2,
    );
    expect(rows.confidence[0]).toBeCloseTo(0.25, 15); // min(0.6, 0.25)
    expect(rows.confidence[1]).toBe(0); // growth held up by hysteresis while its signal is negative
    expect(rows.confidence[2]).toBe(1);
  });

  it('is undefined where a signal is missing, and a change is only between defined rows', () => {
    const rows = classifyRegimes(Float64Array.of(1, NaN, -1), Float64Array.of(1, 1, 1), 0, 2);
    expect(names(rows.regimes)).toEqual(['Reflation', null, 'Stagflation']);
    expect(rows.confidence[1]).toBeNaN();
    expect(Array.from(rows.changed)).toEqual([0, 0, 0]);
    expect(regimeAt(rows, 1)).toMatchObject({ value: null });
    expect(regimeAt(rows, 2)).toEqual({
      regime: 'Stagflation',
      growth: 'down',
      inflation: 'up',
      growth_signal: -1,
      inflation_signal: 1,
      confidence: 0.5,
      changed: false,
    });
  });

  it('rejects mismatched signals and bad settings', () => {
    expect(() => classifyRegimes(new Float64Array(2), new Float64Array(3), 0.5, 2)).toThrow(
      FactorInputError,
    );
    expect(() => classifyRegimes(new Float64Array(2), new Float64Array(2), -1, 2)).toThrow(
      /threshold/,
    );
    expect(() => classifyRegimes(new Float64Array(2), new Float64Array(2), 0.5, 0)).toThrow(
      /confidenceScale/,
    );
    expect(() =>
      regimeAt(classifyRegimes(new Float64Array(2), new Float64Array(2), 0, 1), 2),
    ).toThrow(/outside/);
  });
});
