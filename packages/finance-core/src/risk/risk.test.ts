import { describe, expect, it } from 'vitest';
import { readExpected } from '../__fixtures__/reference/referenceData.js';
import { Reason } from '../result/undefinedValue.js';
import { maxDrawdown } from './maxDrawdown.js';
import { sharpeRatio } from './sharpeRatio.js';
import { volatility } from './volatility.js';

const empyrical = (readExpected('anchor_test_vectors') as Record<string, any>)
  .empyrical_test_fixtures;
const mixed = Float64Array.from(
  empyrical.inputs.mixed_returns as (number | null)[],
  (x) => x ?? Number.NaN,
);
const independent = (name: string): number =>
  empyrical.cases.find((c: { case: string }) => c.case === name).independent_numpy;
const relClose = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.abs(b);

describe('risk kernels against empyrical test fixtures (independent numpy values)', () => {
  it('volatility = std(r, ddof 1)·√252 with the NaN row dropped', () => {
    const v = volatility(mixed, 0, mixed.length);
    expect(
      'dailyStd' in v && relClose(v.value, independent('annual_volatility(mixed, daily)')),
    ).toBe(true);
  });
  it('Sharpe with rf = 0', () => {
    const s = sharpeRatio(mixed, new Float64Array(mixed.length), 0, mixed.length);
    expect('value' in s && relClose(s.value!, independent('sharpe_ratio(mixed, rf=0)'))).toBe(true);
  });
  it('max drawdown', () => {
    const d = maxDrawdown(mixed, 0, mixed.length);
    expect('nObs' in d && relClose(d.value, independent('max_drawdown(mixed)'))).toBe(true);
  });
});

describe('maxDrawdown dates and edge cases (hand-computed)', () => {
  it('finds peak, trough and recovery rows; a missing row is never one of them', () => {
    const r = Float64Array.of(0.1, Number.NaN, -0.2, -0.5, 0.5, Number.NaN, 0.9, 0.1);
    // wealth: 1.1, (1.1), 0.88, 0.44, 0.66, (0.66), 1.254, …
    const d = maxDrawdown(r, 0, r.length);
    expect(d).toMatchObject({ peakRow: 0, troughRow: 3, recoveryRow: 6, nObs: 6 });
    expect('value' in d && d.value).toBeCloseTo(0.44 / 1.1 - 1, 15);
  });
  it('measures from the anchor (W₀ = 1) when the fall starts at once', () => {
    expect(maxDrawdown(Float64Array.of(-0.1, 0.05), 0, 2)).toMatchObject({
      peakRow: -1,
      troughRow: 0,
      recoveryRow: null,
    });
  });
  it('is 0 with no dates when wealth never falls, and null with no observation', () => {
    expect(maxDrawdown(Float64Array.of(0.01, 0, 0.02), 0, 3)).toEqual({
      value: 0,
      peakRow: null,
      troughRow: null,
      recoveryRow: null,
      nObs: 3,
    });
    expect(maxDrawdown(Float64Array.of(Number.NaN), 0, 1)).toEqual({
      value: null,
      reason: Reason.tooFewObservations,
    });
  });
});

describe('volatility and Sharpe nulls', () => {
  it('need two observations; Sharpe needs a non-zero deviation of excess returns', () => {
    expect(volatility(Float64Array.of(0.1, Number.NaN), 0, 2)).toMatchObject({
      value: null,
      reason: Reason.tooFewObservations,
    });
    expect(volatility(Float64Array.of(0.01, 0.01), 0, 2)).toMatchObject({ value: 0 });
    const rf = Float64Array.of(0.001, 0.002);
    expect(sharpeRatio(Float64Array.of(0.011, 0.012), rf, 0, 2)).toMatchObject({
      value: null,
      reason: Reason.zeroVariance,
    });
  });
  it('subtracts the risk-free rate day by day', () => {
    const s = sharpeRatio(Float64Array.of(0.03, 0.01), Float64Array.of(0.01, 0.01), 0, 2);
    // excess 0.02, 0: mean 0.01, std √0.0002
    expect('meanExcessDaily' in s && s.meanExcessDaily).toBeCloseTo(0.01, 16);
    expect('value' in s && s.value).toBeCloseTo((0.01 / Math.sqrt(0.0002)) * Math.sqrt(252), 12);
  });
});
