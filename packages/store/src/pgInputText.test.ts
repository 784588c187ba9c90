import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pgInputText } from './pgInputText.js';

describe('pgInputText', () => {
  it('writes each kind of value as the text PostgreSQL reads', () => {
    expect(pgInputText(null)).toBeNull();
    expect(pgInputText(undefined)).toBeNull();
    expect(pgInputText('')).toBe('');
    expect(pgInputText('NULL')).toBe('NULL');
    expect(pgInputText('12.3400')).toBe('12.3400');
    expect(pgInputText(42)).toBe('42');
    expect(pgInputText(-0)).toBe('-0');
    expect(pgInputText(5e-324)).toBe('5e-324');
    expect(pgInputText(1.7976931348623157e308)).toBe('1.7976931348623157e+308');
    expect(pgInputText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(pgInputText(9007199254740993n)).toBe('9007199254740993');
    expect(pgInputText(true)).toBe('t');
    expect(pgInputText(false)).toBe('f');
    expect(pgInputText(new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 7)))).toBe(
      '2024-02-29T23:59:58.007Z',
    );
    expect(pgInputText(new Uint8Array([0, 1, 171, 255]))).toBe('\\x0001abff');
    const view = new Uint8Array([9, 8, 7, 6]).subarray(1, 3);
    expect(pgInputText(view)).toBe('\\x0807');
    expect(pgInputText({ a: [1, 'x'], b: null })).toBe('{"a":[1,"x"],"b":null}');
  });

  it('gives every double back bit for bit through a decimal parse', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        expect(Object.is(Number(pgInputText(value)), value)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
