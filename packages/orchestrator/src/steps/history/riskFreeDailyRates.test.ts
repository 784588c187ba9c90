import { describe, expect, it } from 'vitest';
import { riskFreeDailyRates } from './riskFreeDailyRates.js';

describe('riskFreeDailyRates', () => {
  it('de-annualises so that 252 days compound to the yield', () => {
    const [rf] = riskFreeDailyRates(Float64Array.of(5.25));
    expect((1 + rf!) ** 252).toBeCloseTo(1.0525, 12);
  });
  it('keeps missing yields missing and 0 % at 0', () => {
    const out = riskFreeDailyRates(Float64Array.of(NaN, 0));
    expect(out[0]).toBeNaN();
    expect(out[1]).toBe(0);
  });
});
