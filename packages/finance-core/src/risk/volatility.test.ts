import { describe, expect, it } from 'vitest';
import {
  independentValue,
  mixedReturns,
  relativelyClose,
} from '../../test-support/reference/empyricalFixtures.js';
import { Reason } from '../result/undefinedValue.js';
import { volatility } from './volatility.js';

describe('volatility', () => {
  it('= std(r, ddof 1)·√252 with the NaN row dropped (empyrical fixture, independent numpy)', () => {
    const v = volatility(mixedReturns, 0, mixedReturns.length);
    expect(
      'dailyStd' in v &&
        relativelyClose(v.value, independentValue('annual_volatility(mixed, daily)')),
    ).toBe(true);
  });
  it('needs two observations; a flat series has volatility 0', () => {
    expect(volatility(Float64Array.of(0.1, Number.NaN), 0, 2)).toMatchObject({
      value: null,
      reason: Reason.tooFewObservations,
    });
    expect(volatility(Float64Array.of(0.01, 0.01), 0, 2)).toMatchObject({ value: 0 });
  });
});
