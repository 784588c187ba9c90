import { describe, expect, it } from 'vitest';
import { catchUpDates } from './datesToCatchUp.js';

describe('catchUpDates', () => {
  it('lists the missed dates after the last one done, oldest first', () => {
    expect(catchUpDates('2024-02-27', '2024-03-01', 7)).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('keeps only the latest maxDays of a long outage', () => {
    expect(catchUpDates('2024-01-01', '2024-03-01', 2)).toEqual(['2024-02-29', '2024-03-01']);
  });

  it('runs just the target date on a fresh store, nothing when up to date or disabled', () => {
    expect(catchUpDates(null, '2024-03-01', 7)).toEqual(['2024-03-01']);
    expect(catchUpDates('2024-03-01', '2024-03-01', 7)).toEqual([]);
    expect(catchUpDates('2024-02-01', '2024-03-01', 0)).toEqual([]);
  });
});
