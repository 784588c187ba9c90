import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDayToIso } from './epochDayToIso.js';
import { InvalidDateError } from './invalidDateError.js';
import { isoToEpochDay } from './isoToEpochDay.js';

const day = isoToEpochDay;

describe('epoch days', () => {
  it('agrees with the platform Date for known dates', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2018-12-31', '2024-02-29', '1900-03-01']) {
      expect(day(iso)).toBe(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
      expect(epochDayToIso(day(iso))).toBe(iso);
    }
  });
  it('round-trips every day over four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -150_000, max: 150_000 }), (d) => {
        const iso = epochDayToIso(d);
        expect(iso).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
        expect(day(iso)).toBe(d);
      }),
    );
  });
  it('rejects strings that are not calendar dates, with a code', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', '', '2024-04-31']) {
      expect(() => day(bad)).toThrow(InvalidDateError);
    }
    expect(() => day('x')).toThrow(expect.objectContaining({ code: 'invalid_date' }));
  });
});
