import { describe, expect, it } from 'vitest';
import { dateError, normaliseDate } from './dates.js';

describe('normaliseDate', () => {
  it('accepts ISO and slash dates and pads single digits', () => {
    expect(normaliseDate('2020-01-05')).toBe('2020-01-05');
    expect(normaliseDate('2020/1/5')).toBe('2020-01-05');
    expect(normaliseDate('2020-02-29')).toBe('2020-02-29');
  });

  it("rejects impossible dates with Python's ValueError texts", () => {
    expect(normaliseDate('2020-02-30')).toBeNull();
    expect(dateError('2020-02-30')).toBe('ValueError: day is out of range for month');
    expect(dateError('2019-02-29')).toBe('ValueError: day is out of range for month');
    expect(dateError('2020-13-01')).toBe('ValueError: month must be in 1..12');
    expect(dateError('2020-12-31')).toBeNull();
  });
});
