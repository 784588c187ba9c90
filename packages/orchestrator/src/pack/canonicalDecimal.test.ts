import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalDecimal, InvalidDecimalError } from './canonicalDecimal.js';

describe('canonicalDecimal', () => {
  it('gives one string for every spelling of the same number', () => {
    expect(canonicalDecimal('101.50')).toBe('101.5');
    expect(canonicalDecimal('101.5')).toBe('101.5');
    expect(canonicalDecimal('1.015e2')).toBe('101.5');
    expect(canonicalDecimal('0001.000')).toBe('1');
    expect(canonicalDecimal('-0.00')).toBe('0');
    expect(canonicalDecimal('1e-12')).toBe('0.000000000001');
    expect(canonicalDecimal('-3.10')).toBe('-3.1');
  });

  it('rejects text that is not a finite decimal', () => {
    for (const bad of ['', 'abc', 'NaN', 'Infinity', '1,5', '.']) {
      expect(() => canonicalDecimal(bad)).toThrow(InvalidDecimalError);
    }
  });

  it('is idempotent and value-preserving (property)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 5 }),
        (units, scale, pad) => {
          const digits = Math.abs(units)
            .toString()
            .padStart(scale + 1, '0');
          const text = `${units < 0 ? '-' : ''}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}${'0'.repeat(pad)}`;
          const once = canonicalDecimal(text.endsWith('.') ? text + '0' : text);
          expect(canonicalDecimal(once)).toBe(once);
          expect(Number(once)).toBeCloseTo(units / 10 ** scale, 12);
        },
      ),
    );
  });
});
