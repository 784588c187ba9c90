import { describe, expect, it } from 'vitest';
import { normaliseDate } from './dates.js';

describe('normaliseDate', () => {
  it('accepts ISO and slash dates and pads single digits', () => {
    expect(normaliseDate('2020-01-05')).toEqual({ date: '2020-01-05' });
    expect(normaliseDate('2020/1/5')).toEqual({ date: '2020-01-05' });
  });

  it("reports Python's ValueError texts for impossible dates", () => {
    expect(normaliseDate('2020-02-30')).toEqual({
      error: 'ValueError: day is out of range for month',
    });
    expect(normaliseDate('2020-02-29')).toEqual({ date: '2020-02-29' });
    expect(normaliseDate('2019-02-29')).toEqual({
      error: 'ValueError: day is out of range for month',
    });
    expect(normaliseDate('2020-13-01')).toEqual({ error: 'ValueError: month must be in 1..12' });
  });
});
