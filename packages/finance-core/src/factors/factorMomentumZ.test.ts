import { describe, expect, it } from 'vitest';
import { readExpected } from '../../test-support/reference/referenceData.js';
import { isUndefinedValue, Reason } from '../result/undefinedValue.js';
import {
  referenceFactors,
  referenceRolling,
} from '../../test-support/factors/referenceFactorData.js';
import { FactorInputError } from './factorInputError.js';
import { factorMomentumZ, MISSING_END_OBSERVATION } from './factorMomentumZ.js';
import { factorMomentumZSeries } from './factorMomentumZSeries.js';

const market = referenceFactors();
const within = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));

describe('factorMomentumZ against the reference', () => {
  it('matches expected/rolling/factor_momentum_z90.csv (both variants) on every date, and nowhere else', () => {
    const { header, rows } = referenceRolling('factor_momentum_z90');
    for (const [j, name] of market.names.entries()) {
      const including = factorMomentumZSeries(market.factors[j]!, 90);
      const excluding = factorMomentumZSeries(market.factors[j]!, 90, { excludeCurrent: true });
      const seen = new Set<number>();
      for (const row of rows) {
        const i = market.dates.indexOf(row[0]!);
        seen.add(i);
        within(including[i]!, Number(row[header.indexOf(name)]));
        const cell = row[header.indexOf(`${name}_excl_current`)]!;
        if (cell === '') expect(excluding[i]).toBeNaN();
        else within(excluding[i]!, Number(cell));
      }
      for (let i = 0; i < market.dates.length; i++)
        if (!seen.has(i)) expect(including[i]).toBeNaN();
    }
  });

  it('matches factor_momentum_z90(_excl_current)_at_as_of of every reference document', () => {
    for (const name of ['P1_2021-09-22', 'P1_2023-06-15', 'P1_2024-12-31', 'P2_2024-12-31']) {
      const document = readExpected(name);
      const end = market.dates.indexOf(document['as_of'] as string);
      for (const [key, excludeCurrent] of [
        ['factor_momentum_z90_at_as_of', false],
        ['factor_momentum_z90_excl_current_at_as_of', true],
      ] as const) {
        const expected = document[key] as Record<string, number>;
        for (const [j, factor] of market.names.entries()) {
          const z = factorMomentumZ(market.factors[j]!, end, 90, { excludeCurrent });
          if (isUndefinedValue(z)) throw new Error(`${name} ${factor}: ${z.reason}`);
          within(z.value, expected[factor]!);
          expect(z.nObs).toBe(90);
        }
      }
    }
  });
});

describe('factorMomentumZ', () => {
  it('computes a hand-checked value: window 1, 2, 3, 4, 10 → mean 4, std √12.5, z = 6/√12.5', () => {
    const z = factorMomentumZ(Float64Array.of(1, 2, 3, 4, 10), 4, 5, { minObservations: 5 });
    expect(z).toEqual({ value: expect.closeTo(6 / Math.sqrt(12.5), 14) as number, nObs: 5 });
    // excluding the current value: window 1, 2, 3, 4 → mean 2.5, std √(5/3)
    const zx = factorMomentumZ(Float64Array.of(0, 1, 2, 3, 4, 10), 5, 4, { excludeCurrent: true });
    expect(zx).toEqual({ value: expect.closeTo(7.5 / Math.sqrt(5 / 3), 14) as number, nObs: 4 });
  });

  it('drops missing values in the window and is undefined with a reason where it must be', () => {
    const series = Float64Array.of(1, NaN, 2, 3, NaN, 4);
    expect(factorMomentumZ(series, 5, 6, { minObservations: 4 })).toEqual({
      value: expect.closeTo((4 - 2.5) / Math.sqrt(5 / 3), 14) as number,
      nObs: 4,
    });
    expect(factorMomentumZ(series, 5, 6, { minObservations: 5 })).toEqual({
      value: null,
      reason: Reason.tooFewObservations,
    });
    expect(factorMomentumZ(series, 4, 3)).toEqual({ value: null, reason: MISSING_END_OBSERVATION });
    expect(factorMomentumZ(series, 3, 6)).toEqual({
      value: null,
      reason: Reason.insufficientHistory,
    });
    expect(factorMomentumZ(series, 5, 6, { excludeCurrent: true })).toEqual({
      value: null,
      reason: Reason.insufficientHistory,
    });
    expect(factorMomentumZ(new Float64Array(5).fill(0.7), 4, 5)).toEqual({
      value: null,
      reason: Reason.zeroVariance,
    });
  });

  it('rejects an index outside the series and a bad window', () => {
    expect(() => factorMomentumZ(new Float64Array(3), 3)).toThrow(FactorInputError);
    expect(() => factorMomentumZ(new Float64Array(3), 2, 1)).toThrow(/window/);
  });
});
