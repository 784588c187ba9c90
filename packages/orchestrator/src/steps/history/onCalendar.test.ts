import { isoToEpochDay } from '@truth-spine/finance-core';
import { describe, expect, it } from 'vitest';
import { onCalendar } from './onCalendar.js';

const calendar = Int32Array.from(
  ['2024-01-02', '2024-01-03', '2024-01-05', '2024-01-08'],
  isoToEpochDay,
);

describe('onCalendar', () => {
  it('leaves rows without their own observation NaN in missing mode', () => {
    const out = onCalendar(
      calendar,
      ['2024-01-02', '2024-01-04', '2024-01-05'],
      ['1.5', '9', null],
      'missing',
    );
    expect([...out]).toEqual([1.5, NaN, NaN, NaN]);
  });

  it('carries the last observation (also from off-calendar dates) in carryForward mode', () => {
    const out = onCalendar(
      calendar,
      ['2024-01-01', '2024-01-04', '2024-01-05', '2024-01-07'],
      ['1', '2', null, '3'],
      'carryForward',
    );
    // 01-02 ← 01-01; 01-03 ← 01-01; 01-05 blank → 01-04's 2; 01-08 ← 01-07's 3
    expect([...out]).toEqual([1, 1, 2, 3]);
  });

  it('is NaN before the first observation and ignores observations after the calendar', () => {
    const out = onCalendar(calendar, ['2024-01-05', '2024-01-09'], ['4', '5'], 'carryForward');
    expect([...out]).toEqual([NaN, NaN, 4, 4]);
  });
});
