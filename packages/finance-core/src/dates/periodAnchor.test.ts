import { describe, expect, it } from 'vitest';
import { epochDayToIso } from './epochDayToIso.js';
import { minusCalendarYears } from './minusCalendarYears.js';
import { periodAnchor, type CalendarPeriod } from './periodAnchor.js';
import { isoToEpochDay } from './isoToEpochDay.js';

const day = isoToEpochDay;

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
