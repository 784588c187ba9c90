import { describe, expect, it } from 'vitest';
import { inRange, isIsoDate, newYorkDateOf, utcDateOf } from './isoDate.js';

describe('isoDate', () => {
  it('accepts only real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
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
