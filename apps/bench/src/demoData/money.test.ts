import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { minorUnits, negateCash, plain, roundCash } from './money.js';

describe('roundCash', () => {
  it('rounds half away from zero to the minor unit and keeps its zeros', () => {
    expect(roundCash(new Big('60.885'), 'USD')).toBe('60.89');
    expect(roundCash(new Big('-60.885'), 'USD')).toBe('-60.89');
    expect(roundCash(new Big('14219.0004'), 'USD')).toBe('14219.00');
    expect(roundCash(new Big('4000.5'), 'JPY')).toBe('4001');
  });
  it('refuses a currency whose minor unit it does not know', () => {
    expect(() => minorUnits('XYZ')).toThrow('no minor unit known for currency XYZ');
  });
});

describe('plain', () => {
  it('never uses exponent notation', () => {
    expect(plain(new Big('1.71E+11'))).toBe('171000000000');
    expect(plain(new Big('1e-9'))).toBe('0.000000001');
  });
});

describe('negateCash', () => {
  it('negates a cash amount keeping its minor-unit decimals', () => {
    expect(negateCash('12.50', 'USD')).toBe('-12.50');
    expect(negateCash('-3.00', 'EUR')).toBe('3.00');
    expect(negateCash('4001', 'JPY')).toBe('-4001');
  });
});
