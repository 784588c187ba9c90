import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignToCalendar } from './alignToCalendar.js';
import { CalendarMismatchError } from './calendarMismatchError.js';
import { calendarWindow } from './calendarWindow.js';
import { epochDayToIso } from './epochDayToIso.js';
import { InvalidDateError } from './invalidDateError.js';
import { isoToEpochDay } from './isoToEpochDay.js';
import { minusCalendarYears } from './minusCalendarYears.js';
import { periodAnchor, type CalendarPeriod } from './periodAnchor.js';
import { rowWindow } from './rowWindow.js';

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

describe('period anchors', () => {
  const anchor = (p: CalendarPeriod, asOf: string) =>
    epochDayToIso(periodAnchor(p, day(asOf), day('2018-12-31')));
  it('match the reference anchors (CONVENTIONS.md)', () => {
    expect(anchor('MTD', '2024-12-31')).toBe('2024-11-30');
    expect(anchor('QTD', '2024-12-31')).toBe('2024-09-30');
    expect(anchor('QTD', '2021-09-22')).toBe('2021-06-30');
    expect(anchor('QTD', '2023-01-15')).toBe('2022-12-31');
    expect(anchor('YTD', '2023-06-15')).toBe('2022-12-31');
    expect(anchor('1Y', '2021-09-22')).toBe('2020-09-22');
    expect(anchor('3Y', '2023-06-15')).toBe('2020-06-15');
    expect(anchor('5Y', '2024-12-31')).toBe('2019-12-31');
    expect(anchor('inception', '2024-12-31')).toBe('2018-12-31');
  });
  it('maps 29 February to 28 February', () => {
    expect(anchor('1Y', '2024-02-29')).toBe('2023-02-28');
    expect(anchor('3Y', '2024-02-29')).toBe('2021-02-28');
    expect(epochDayToIso(minusCalendarYears(day('2024-02-29'), 4))).toBe('2020-02-29');
    expect(anchor('MTD', '2024-03-01')).toBe('2024-02-29');
  });
});

describe('windows', () => {
  const days = Int32Array.from(['2024-01-01', '2024-01-02', '2024-01-04', '2024-01-05'], day);
  it('calendar windows are (anchor, as_of] by binary search', () => {
    expect(calendarWindow(days, day('2024-01-01'), day('2024-01-04'), 0, 4)).toEqual({
      start: 1,
      end: 3,
    });
    expect(calendarWindow(days, day('2023-12-31'), day('2024-01-03'), 0, 4)).toEqual({
      start: 0,
      end: 2,
    });
    expect(calendarWindow(days, day('2024-01-05'), day('2024-01-05'), 0, 4)).toEqual({
      start: 4,
      end: 4,
    });
  });
  it('row windows count rows and refuse to reach before the first row', () => {
    expect(rowWindow(3, 2, 0)).toEqual({ start: 2, end: 4 });
    expect(rowWindow(3, 4, 0)).toEqual({ start: 0, end: 4 });
    expect(rowWindow(3, 4, 1)).toBeNull();
  });
  it('aligns a series with absent dates as NaN and rejects foreign or repeated dates', () => {
    const aligned = alignToCalendar(days, Int32Array.of(days[0]!, days[2]!), Float64Array.of(1, 3));
    expect(Array.from(aligned)).toEqual([1, Number.NaN, 3, Number.NaN]);
    expect(() =>
      alignToCalendar(days, Int32Array.of(day('2024-01-03')), Float64Array.of(1)),
    ).toThrow(CalendarMismatchError);
    expect(() =>
      alignToCalendar(days, Int32Array.of(days[1]!, days[1]!), Float64Array.of(1, 2)),
    ).toThrow(/2024-01-02 is not a date/);
  });
});
