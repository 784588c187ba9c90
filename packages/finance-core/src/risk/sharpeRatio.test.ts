import { describe, expect, it } from 'vitest';
import {
  independentValue,
  mixedReturns,
  relativelyClose,
} from '../../test-support/reference/empyricalFixtures.js';
import { Reason } from '../result/undefinedValue.js';
import { sharpeRatio } from './sharpeRatio.js';

describe('sharpeRatio', () => {
  it('with rf = 0 (empyrical fixture, independent numpy)', () => {
    const s = sharpeRatio(
      mixedReturns,
      new Float64Array(mixedReturns.length),
      0,
      mixedReturns.length,
    );
    expect(
      'nObs' in s && relativelyClose(s.value, independentValue('sharpe_ratio(mixed, rf=0)')),
    ).toBe(true);
  });
  it('subtracts the risk-free rate day by day', () => {
    const s = sharpeRatio(Float64Array.of(0.03, 0.01), Float64Array.of(0.01, 0.01), 0, 2);
    // excess 0.02, 0: mean 0.01, std √0.0002
    expect('meanExcessDaily' in s && s.meanExcessDaily).toBeCloseTo(0.01, 16);
    expect('value' in s && s.value).toBeCloseTo((0.01 / Math.sqrt(0.0002)) * Math.sqrt(252), 12);
  });
  it('is null when the excess returns do not vary', () => {
    const rf = Float64Array.of(0.001, 0.002);
    expect(sharpeRatio(Float64Array.of(0.011, 0.012), rf, 0, 2)).toMatchObject({
      value: null,
      reason: Reason.zeroVariance,
    });
  });
});
