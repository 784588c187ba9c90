import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, latestOnOrBefore } from './isoDate.js';

describe('isoDate helpers', () => {
  it('validates real calendar dates, leap years included', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2019-13-01')).toBe(false);
    expect(isIsoDate('2019-1-01')).toBe(false);
  });
  it('adds and counts calendar days across month and year ends', () => {
    expect(addDays('2019-12-30', 3)).toBe('2020-01-02');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(daysBetween('2019-12-31', '2020-03-31')).toBe(91);
  });
  it('finds the latest date on or before a day', () => {
    const dates = ['2019-01-02', '2019-01-04', '2019-01-07'];
    expect(latestOnOrBefore(dates, '2019-01-05')).toBe('2019-01-04');
    expect(latestOnOrBefore(dates, '2019-01-07')).toBe('2019-01-07');
    expect(latestOnOrBefore(dates, '2019-01-01')).toBeUndefined();
  });
});
