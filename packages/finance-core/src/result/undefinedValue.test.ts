import { describe, expect, it } from 'vitest';
import { isUndefinedValue, Reason, undefinedValue } from './undefinedValue.js';

describe('undefinedValue', () => {
  it('carries null and the reason', () => {
    expect(undefinedValue(Reason.noRoot)).toEqual({ value: null, reason: 'no root' });
  });
  it('is told apart from computed records', () => {
    expect(isUndefinedValue(undefinedValue('x'))).toBe(true);
    expect(isUndefinedValue({ value: 0.1 })).toBe(false);
    expect(isUndefinedValue({ value: null })).toBe(false);
    expect(isUndefinedValue(null)).toBe(false);
  });
});
