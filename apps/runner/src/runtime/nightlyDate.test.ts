import { describe, expect, it } from 'vitest';
import { calendarDay, defaultNightlyDate, lastWeekdayBefore } from './nightlyDate.js';

describe('lastWeekdayBefore', () => {
  it('is the previous day on a Tuesday and the Friday before on a Monday or Sunday', () => {
    // 2024-03-12 is a Tuesday, 2024-03-11 a Monday, 2024-03-10 a Sunday.
    expect(lastWeekdayBefore(new Date('2024-03-12T00:05:00Z'), 'UTC')).toBe('2024-03-11');
    expect(lastWeekdayBefore(new Date('2024-03-11T00:05:00Z'), 'UTC')).toBe('2024-03-08');
    expect(lastWeekdayBefore(new Date('2024-03-10T12:00:00Z'), 'UTC')).toBe('2024-03-08');
  });

  it('reads "today" in the schedule time zone, not UTC', () => {
    // 03:00 UTC Tuesday is still Monday 23:00 in New York (EDT, UTC−4): yesterday is Friday.
    const instant = new Date('2024-03-12T03:00:00Z');
    expect(calendarDay(instant, 'America/New_York')).toBe('2024-03-11');
    expect(lastWeekdayBefore(instant, 'America/New_York')).toBe('2024-03-08');
    expect(lastWeekdayBefore(instant, 'UTC')).toBe('2024-03-11');
  });
});

describe('defaultNightlyDate', () => {
  it("is the offline data set's last calendar day when replaying", async () => {
    const replay = {
      manifest: async () => ({ calendar: { first: '2019-01-02', last: '2024-03-08' } }),
    };
    const date = await defaultNightlyDate(
      { replay: replay as never },
      new Date('2026-01-01T00:05:00Z'),
      'UTC',
    );
    expect(date).toBe('2024-03-08');
  });

  it('is the last weekday before today with live providers', async () => {
    expect(
      await defaultNightlyDate({ replay: null }, new Date('2024-03-11T00:05:00Z'), 'UTC'),
    ).toBe('2024-03-08');
  });
});
