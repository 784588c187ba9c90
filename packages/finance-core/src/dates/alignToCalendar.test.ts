import { describe, expect, it } from 'vitest';
import { alignToCalendar } from './alignToCalendar.js';
import { CalendarMismatchError } from './calendarMismatchError.js';
import { isoToEpochDay } from './isoToEpochDay.js';

const day = isoToEpochDay;

describe('alignToCalendar', () => {
  const days = Int32Array.from(['2024-01-01', '2024-01-02', '2024-01-04', '2024-01-05'], day);
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
