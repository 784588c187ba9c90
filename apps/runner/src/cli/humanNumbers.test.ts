import { describe, expect, it } from 'vitest';
import { alignColumns, formatMoney, formatStatistic } from './humanNumbers.js';

describe('human numbers', () => {
  it('rounds money to the minor unit, half away from zero, with thousands separators', () => {
    expect(formatMoney('196813.48982070984266373949', 'EUR')).toBe('196,813.49');
    expect(formatMoney('46684.41', 'USD')).toBe('46,684.41');
    expect(formatMoney('0.005', 'USD')).toBe('0.01');
    expect(formatMoney('-1234.005', 'USD')).toBe('-1,234.01');
    expect(formatMoney('1234567.5', 'JPY')).toBe('1,234,568');
    expect(formatMoney('12.3456', 'KWD')).toBe('12.346');
    expect(formatMoney('999.999', 'USD')).toBe('1,000.00');
  });

  it('prints statistics to 6 significant digits, integers as they are', () => {
    expect(formatStatistic(0.5607594220148012)).toBe('0.560759');
    expect(formatStatistic(0.00044648917814674204)).toBe('0.000446489');
    expect(formatStatistic(-0.21742153037906087)).toBe('-0.217422');
    expect(formatStatistic(30)).toBe('30');
    expect(formatStatistic(0.5)).toBe('0.5');
    expect(formatStatistic(1.2e-11)).toBe('1.2e-11');
    expect(formatStatistic(1234567.891)).toBe('1.23457e+6');
  });

  it('aligns columns, numbers to the right', () => {
    expect(
      alignColumns(
        [
          ['P-A', 'beta', '0.5'],
          ['P-LONG', 'tracking_error', '-0.118975'],
        ],
        new Set([2]),
      ),
    ).toEqual(['P-A     beta                  0.5', 'P-LONG  tracking_error  -0.118975']);
  });
});
