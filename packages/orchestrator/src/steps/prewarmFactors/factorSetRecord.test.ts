import { describe, expect, it } from 'vitest';
import { decodeFactorSet, encodeFactorSet, type FactorExposure } from './factorSetRecord.js';

const exposure = (window: string, factor: string, loading: number | null): FactorExposure => ({
  window,
  factor,
  loading,
  standardError: loading === null ? null : loading / 7,
  tValue: loading === null ? null : 7,
  contribution: loading,
  reason: loading === null ? 'left out: collinear' : null,
  details: loading === null ? {} : { factor_period_return: loading, last_day: [loading, null] },
});

describe('encodeFactorSet / decodeFactorSet', () => {
  it('round-trips exposures as factor_exposures held them, sorted by window then factor', () => {
    const rows = [
      exposure('SI', '_model', null),
      exposure('3Y', 'DGS10', 5e-324),
      exposure('1Y', '_residual', -2.2250738585072014e-308),
      exposure('1Y', 'BAMLC0A0CM', 0.1 + 0.2),
      exposure('1Y', 'DFII10', 1.7976931348623157e308),
    ];
    const decoded = decodeFactorSet(encodeFactorSet(rows));
    expect(decoded.map((e) => `${e.window}:${e.factor}`)).toEqual([
      '1Y:BAMLC0A0CM',
      '1Y:DFII10',
      '1Y:_residual',
      '3Y:DGS10',
      'SI:_model',
    ]);
    for (const e of rows) {
      const back = decoded.find((d) => d.window === e.window && d.factor === e.factor)!;
      expect(back).toEqual(e);
      expect(Object.is(back.loading, e.loading)).toBe(true);
      expect(Object.is(back.standardError, e.standardError)).toBe(true);
    }
  });

  it('leaves null statistics out of the record', () => {
    expect(JSON.parse(encodeFactorSet([exposure('1Y', 'F', null)]))).toEqual([
      { window: '1Y', factor: 'F', reason: 'left out: collinear', details: {} },
    ]);
  });

  it('rejects a non-finite statistic and a repeated (window, factor)', () => {
    expect(() => encodeFactorSet([exposure('1Y', 'F', Number.NaN)])).toThrow(
      /1Y F has loading NaN/,
    );
    expect(() => encodeFactorSet([exposure('1Y', 'F', 1), exposure('1Y', 'F', 2)])).toThrow(
      /two exposures of 1Y F/,
    );
  });
});
