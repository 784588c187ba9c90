import { describe, expect, it } from 'vitest';
import { validateClose } from './validateClose.js';

describe('validateClose', () => {
  it('accepts an ordinary close and a first close with no history', () => {
    expect(validateClose({ close: '101.2', previousClose: '100' })).toBeNull();
    expect(validateClose({ close: '101.2', previousClose: null })).toBeNull();
  });

  it('rejects non-numbers, zero and negatives', () => {
    expect(validateClose({ close: 'NaN', previousClose: null })?.code).toBe('not_a_number');
    expect(validateClose({ close: '', previousClose: null })?.code).toBe('not_a_number');
    expect(validateClose({ close: '0', previousClose: null })?.code).toBe('not_positive');
    expect(validateClose({ close: '-3', previousClose: '3' })?.code).toBe('not_positive');
  });

  it("accepts AAPL's 4-for-1 split (raw closes of public record: 2020-08-28 499.23, 2020-08-31 129.04) only with the split", () => {
    expect(
      validateClose({ close: '129.04', previousClose: '499.23', splitFactor: '4' }),
    ).toBeNull();
    const rejection = validateClose({ close: '129.04', previousClose: '499.23' });
    expect(rejection?.code).toBe('implausible_jump');
    // 129.04 / 499.23 = 0.258478... (hand-computed)
    expect(rejection && 'ratio' in rejection ? rejection.ratio : '').toBe('0.258478');
  });

  it('uses the ratio limit symmetrically', () => {
    expect(validateClose({ close: '150', previousClose: '100' })).toBeNull();
    expect(validateClose({ close: '150.01', previousClose: '100' })?.code).toBe('implausible_jump');
    expect(validateClose({ close: '66.67', previousClose: '100' })).toBeNull();
    expect(validateClose({ close: '66.66', previousClose: '100' })?.code).toBe('implausible_jump');
    expect(validateClose({ close: '300', previousClose: '100', maxDailyRatio: '3' })).toBeNull();
  });
});
