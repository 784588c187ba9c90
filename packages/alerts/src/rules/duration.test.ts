import { describe, expect, it } from 'vitest';
import { durationSeconds } from './duration.js';

describe('durationSeconds', () => {
  it('converts each unit (hand-computed)', () => {
    expect(durationSeconds('0s')).toBe(0);
    expect(durationSeconds('90s')).toBe(90);
    expect(durationSeconds('15m')).toBe(900);
    expect(durationSeconds('12h')).toBe(43_200);
    expect(durationSeconds('7d')).toBe(604_800);
    expect(durationSeconds('2w')).toBe(1_209_600);
  });

  it('rejects anything but a whole number and one unit', () => {
    for (const bad of ['7 days', '7', 'd', '1.5d', '-1d', '1d12h', ' 7d', '7D', '']) {
      expect(durationSeconds(bad)).toBeNull();
    }
  });
});
