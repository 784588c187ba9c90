import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readExpected } from '../../test-support/reference/referenceData.js';
import { isUndefinedValue, Reason } from '../result/undefinedValue.js';
import {
  referenceFactors,
  referenceReturns,
  referenceRolling,
} from '../../test-support/factors/referenceFactorData.js';
import { FactorInputError } from './factorInputError.js';
import { rollingCorrelation } from './rollingCorrelation.js';
import { rollingCorrelationAt } from './rollingCorrelationAt.js';

const market = referenceFactors();
const p1 = referenceReturns('P1', market.dates);

describe('rollingCorrelation / rollingCorrelationAt against the reference', () => {
  it('matches expected/rolling/P1_rolling_corr30.csv at 1e-9 on every date, and nowhere else', () => {
    const { header, rows } = referenceRolling('P1_rolling_corr30');
    const series = market.factors.map((f) => rollingCorrelation(p1, f));
    const expectedRows = new Set<number>();
    for (const row of rows) {
      const i = market.dates.indexOf(row[0]!);
      expectedRows.add(i);
      for (const [j, name] of market.names.entries()) {
        const expected = Number(row[header.indexOf(name)]);
        expect(Math.abs(series[j]!.values[i]! - expected)).toBeLessThanOrEqual(
          1e-9 * Math.abs(expected),
        );
        expect(series[j]!.n_pairs[i]).toBe(Number(row[1]));
      }
    }
    // every row without a reference value is undefined (a window not yet full)
    for (let i = 0; i < market.dates.length; i++) {
      if (!expectedRows.has(i)) expect(series[0]!.values[i]).toBeNaN();
    }
  });

  it('matches rolling_corr30_at_as_of of every reference document', () => {
    for (const name of ['P1_2021-09-22', 'P1_2023-06-15', 'P1_2024-12-31', 'P2_2024-12-31']) {
      const document = readExpected(name);
      const expected = document['rolling_corr30_at_as_of'] as Record<string, number>;
      const end = market.dates.indexOf(document['as_of'] as string);
      const returns = referenceReturns(name.slice(0, 2), market.dates);
      for (const [j, factor] of market.names.entries()) {
        const value = rollingCorrelationAt(returns, market.factors[j]!, end);
        if (isUndefinedValue(value)) throw new Error(`${name} ${factor}: ${value.reason}`);
        expect(Math.abs(value.value - expected[factor]!)).toBeLessThanOrEqual(
          1e-9 * Math.abs(expected[factor]!),
        );
        expect(value.n_pairs).toBe(expected['n_pairs']);
      }
    }
  });
});

describe('rollingCorrelationAt', () => {
  it('is undefined before the window is full, below minPairs, and for a constant series', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6);
    const y = Float64Array.of(2, 1, 4, 3, 6, 5);
    expect(rollingCorrelationAt(x, y, 2, 4, 2)).toEqual({
      value: null,
      reason: Reason.insufficientHistory,
    });
    const gappy = Float64Array.of(1, NaN, NaN, 4, 5, NaN);
    expect(rollingCorrelationAt(gappy, y, 5, 4, 3)).toEqual({
      value: null,
      reason: Reason.tooFewObservations,
    });
    const flat = new Float64Array(6).fill(0.0123);
    expect(rollingCorrelationAt(flat, y, 5, 4, 2)).toEqual({
      value: null,
      reason: Reason.zeroVariance,
    });
  });

  it('computes a hand-checked value: x = 1..4, y = 2,1,4,3 gives ρ = 0.6', () => {
    const value = rollingCorrelationAt(
      Float64Array.of(9, 1, 2, 3, 4),
      Float64Array.of(9, 2, 1, 4, 3),
      4,
      4,
      4,
    );
    expect(value).toEqual({ value: expect.closeTo(0.6, 15) as number, n_pairs: 4 });
  });

  it('rejects misaligned series, a bad window and an index outside the series', () => {
    const x = new Float64Array(5);
    expect(() => rollingCorrelationAt(x, new Float64Array(4), 4)).toThrow(FactorInputError);
    expect(() => rollingCorrelationAt(x, x, 4, 3, 4)).toThrow(/minPairs/);
    expect(() => rollingCorrelationAt(x, x, 5, 3, 2)).toThrow(/outside/);
  });
});

describe('rollingCorrelation (O(n)) properties', () => {
  const cell = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: -500, max: 500 }).map((v) => v / 10_000) },
    { weight: 1, arbitrary: fc.constant(Number.NaN) },
    { weight: 1, arbitrary: fc.constant(0) },
  );
  const pairs = fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 120, size: 'max' });

  it('equals the two-pass point function at every row (gaps, flat stretches, undefined rows)', () => {
    fc.assert(
      fc.property(pairs, fc.integer({ min: 2, max: 12 }), (data, window) => {
        const x = Float64Array.from(data, (d) => d[0]);
        const y = Float64Array.from(data, (d) => d[1]);
        const minPairs = Math.max(2, Math.ceil((2 * window) / 3));
        const series = rollingCorrelation(x, y, window, minPairs);
        for (let i = 0; i < x.length; i++) {
          const point = rollingCorrelationAt(x, y, i, window, minPairs);
          if (isUndefinedValue(point)) expect(series.values[i]).toBeNaN();
          else expect(Math.abs(series.values[i]! - point.value)).toBeLessThan(1e-11);
        }
      }),
    );
  });

  it('is invariant to affine rescaling a·x + b (a > 0) and flips sign for a < 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell), { minLength: 30, maxLength: 90 }),
        fc.integer({ min: 1, max: 1000 }).map((v) => v / 100),
        fc.integer({ min: -100, max: 100 }),
        (data, scale, shift) => {
          const x = Float64Array.from(data, (d) => d[0]);
          const y = Float64Array.from(data, (d) => d[1]);
          const base = rollingCorrelation(x, y).values;
          const up = rollingCorrelation(
            x.map((v) => scale * v + shift),
            y,
          ).values;
          const down = rollingCorrelation(
            x.map((v) => -scale * v + shift),
            y,
          ).values;
          for (let i = 0; i < x.length; i++) {
            if (Number.isNaN(base[i]!)) continue;
            expect(Math.abs(up[i]! - base[i]!)).toBeLessThan(1e-9);
            expect(Math.abs(down[i]! + base[i]!)).toBeLessThan(1e-9);
          }
        },
      ),
    );
  });
});
