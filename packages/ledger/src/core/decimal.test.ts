import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.js';

const d = (text: string) => Decimal.parse(text);

describe('Decimal (Python Decimal semantics as used by Beancount)', () => {
  it('keeps the larger scale on addition, like Python', () => {
    expect(d('1.5').add(d('0.25')).toString()).toBe('1.75');
    expect(d('2000.00').sub(d('2000.00')).toString()).toBe('0.00');
    expect(d('-5.00').add(d('5.00')).toString()).toBe('0.00');
  });

  it('adds scales on multiplication', () => {
    expect(d('15').mul(d('143.52')).toString()).toBe('2152.80');
    expect(d('1.20').mul(d('0.5')).toString()).toBe('0.600');
  });

  it('divides exactly with the ideal scale, else to 28 significant digits', () => {
    expect(d('1250.00').div(d('10')).toString()).toBe('125.00');
    expect(d('1').div(d('4')).toString()).toBe('0.25');
    // Python: Decimal('700.00') / Decimal('94500') — the price Beancount stored in case 05.
    expect(d('700.00').div(d('94500')).toString()).toBe('0.007407407407407407407407407407');
    expect(d('2').div(d('3')).toString()).toBe('0.6666666666666666666666666667');
  });

  it('parses thousands separators and signs', () => {
    expect(d('-1,234.50').toString()).toBe('-1234.50');
    expect(d('12.').scale).toBe(0);
  });

  it('quantizes half-even', () => {
    expect(d('0.125').quantize(2).toString()).toBe('0.12');
    expect(d('0.135').quantize(2).toString()).toBe('0.14');
  });
});

describe('Decimal exactness beyond the fast integer path', () => {
  it('switches to big.js for mantissas past 2^53 without losing digits', () => {
    const big = d('123456789012345.67');
    expect(big.add(d('0.01')).toString()).toBe('123456789012345.68');
    expect(big.mul(d('1000')).toString()).toBe('123456789012345670.00');
    expect(d('9007199254740991').add(d('2')).toString()).toBe('9007199254740993');
  });

  it('compares by value, whatever the scale', () => {
    expect(d('100.00').eq(d('100'))).toBe(true);
    expect(d('100.00').canonical()).toBe(d('100').canonical());
    expect(d('-0.5').cmp(d('0.25'))).toBe(-1);
  });

  it('prints small fractions and negatives with their scale', () => {
    expect(d('-0.05').toString()).toBe('-0.05');
    expect(d('0.000').toString()).toBe('0.000');
    expect(Decimal.unit(3).toString()).toBe('0.001');
  });
});

describe('Decimal at extreme scales', () => {
  it('stays exact with more than 20 digits after the point', () => {
    const tiny = d('0.000000000000000000000001');
    expect(tiny.big.toString()).toBe('1e-24');
    expect(tiny.mul(d('0.5')).toString()).toBe('0.0000000000000000000000005');
    expect(tiny.add(d('1')).toString()).toBe('1.000000000000000000000001');
  });
});
