import { describe, expect, it } from 'vitest';
import { TradingCalendar } from './tradingCalendar.js';

// NYSE days around the 2019 year end (Dec 25 and Jan 1 closed).
const calendar = new TradingCalendar([
  '2019-12-23',
  '2019-12-24',
  '2019-12-26',
  '2019-12-27',
  '2019-12-30',
  '2019-12-31',
  '2020-01-02',
  '2020-01-03',
]);

describe('TradingCalendar', () => {
  it('rolls a date forward to the next trading day', () => {
    expect(calendar.onOrAfter('2019-12-25')).toBe('2019-12-26');
    expect(calendar.onOrAfter('2019-12-26')).toBe('2019-12-26');
  });
  it('counts trading days for settlement (T+2 over a holiday)', () => {
    expect(calendar.after('2019-12-23', 2)).toBe('2019-12-26');
    expect(calendar.after('2019-12-31', 1)).toBe('2020-01-02');
  });
  it('uses weekdays beyond the last known day', () => {
    expect(calendar.onOrAfter('2020-01-04')).toBe('2020-01-06');
  });
  it('knows the last trading day of a month, quarter and year, but not of the unfinished last period', () => {
    expect(calendar.isLastOfPeriod('2019-12-31', 1)).toBe(true);
    expect(calendar.isLastOfPeriod('2019-12-31', 3)).toBe(true);
    expect(calendar.isLastOfPeriod('2019-12-31', 12)).toBe(true);
    expect(calendar.isLastOfPeriod('2019-12-30', 12)).toBe(false);
    expect(calendar.isLastOfPeriod('2020-01-03', 1)).toBe(false);
  });
});
