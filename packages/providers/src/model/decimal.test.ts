import { describe, expect, it } from 'vitest';
import { decimalFromNumber, decimalOrNull, decimalPattern } from './decimal.js';

describe('decimalFromNumber', () => {
  it('keeps the digits as written', () => {
    expect(decimalFromNumber(236.85)).toBe('236.85');
    expect(decimalFromNumber(1.4604)).toBe('1.4604');
    expect(decimalFromNumber(466823000000)).toBe('466823000000');
    expect(decimalFromNumber(-0.00166)).toBe('-0.00166');
  });

  it('expands exponent notation', () => {
    expect(decimalFromNumber(2.886e-7)).toBe('0.0000002886');
    expect(decimalFromNumber(5.545036e7)).toBe('55450360');
    expect(decimalFromNumber(1e21)).toBe('1000000000000000000000');
  });

  it('maps null to null and its outputs are plain decimals', () => {
    expect(decimalOrNull(null)).toBeNull();
    expect(decimalOrNull(0)).toBe('0');
    for (const n of [0.1, 123.456, 2.886e-7, -5e-10, 9007199254740992]) {
      expect(decimalFromNumber(n)).toMatch(decimalPattern);
    }
  });
});
