import { describe, expect, it } from 'vitest';
import { calendarWindow } from './calendarWindow.js';
import { isoToEpochDay } from './isoToEpochDay.js';

const day = isoToEpochDay;

describe('calendarWindow', () => {
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
});
