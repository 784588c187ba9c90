import { describe, expect, it } from 'vitest';
import { asOfSeconds, InvalidAsOfDateError } from './asOfSeconds.js';

describe('asOfSeconds', () => {
  it('counts seconds from the epoch to midnight UTC (hand-computed)', () => {
    expect(asOfSeconds('1970-01-01')).toBe(0);
    expect(asOfSeconds('1970-01-02')).toBe(86_400);
    // 2000-03-01 is day 11 017 (30 years incl. 7 leap days = 10 957, + Jan 31 + Feb 29).
    expect(asOfSeconds('2000-03-01')).toBe(11_017 * 86_400);
  });

  it('rejects non-dates with a typed error', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-11-01', '2026-11-26T00:00:00Z', '']) {
      expect(() => asOfSeconds(bad)).toThrow(InvalidAsOfDateError);
    }
  });
});
