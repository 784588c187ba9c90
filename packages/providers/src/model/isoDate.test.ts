import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, inRange, isIsoDate, newYorkDateOf, utcDateOf } from './isoDate.js';

describe('isoDate', () => {
  it('accepts only real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
  });

  it('adds and counts calendar days across month, leap-day and year ends', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-31', 0)).toBe('2024-03-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2024-03-10', '2024-03-08')).toBe(-2);
  });

  it('reads Polygon timestamps as New York trading dates', () => {
    expect(newYorkDateOf(1112331600000)).toBe('2005-04-01');
    expect(newYorkDateOf(1602705600000)).toBe('2020-10-14');
    expect(newYorkDateOf(Date.parse('2024-07-01T04:00:00Z'))).toBe('2024-07-01');
  });

  it('reads UTC dates and inclusive ranges', () => {
    expect(utcDateOf(Date.parse('2026-07-02T00:00:00Z'))).toBe('2026-07-02');
    expect(inRange('2025-01-02', '2025-01-02', '2025-01-10')).toBe(true);
    expect(inRange('2025-01-11', '2025-01-02', '2025-01-10')).toBe(false);
  });
});
