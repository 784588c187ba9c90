import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { stepSettings } from './stepSettings.js';

describe('stepSettings', () => {
  it('leaves every setting out when unset or blank (the steps apply their defaults)', () => {
    expect(stepSettings({})).toEqual({});
    expect(stepSettings({ CALENDAR_SYMBOL: ' ', MAX_MISSING_FRACTION: '' })).toEqual({});
  });

  it('reads the three settings', () => {
    expect(
      stepSettings({
        CALENDAR_SYMBOL: 'QQQ',
        MAX_CARRY_FORWARD_DAYS: '3',
        MAX_MISSING_FRACTION: '0.05',
      }),
    ).toEqual({ calendarSymbol: 'QQQ', maxCarryForwardDays: 3, maxMissingFraction: 0.05 });
  });

  it.each([
    ['CALENDAR_SYMBOL', 'spy; drop'],
    ['MAX_CARRY_FORWARD_DAYS', '-1'],
    ['MAX_CARRY_FORWARD_DAYS', '2.5'],
    ['MAX_MISSING_FRACTION', '1.5'],
    ['MAX_MISSING_FRACTION', 'two percent'],
  ])('rejects %s=%s naming the setting', (name, value) => {
    expect(() => stepSettings({ [name]: value })).toThrow(UsageError);
    expect(() => stepSettings({ [name]: value })).toThrow(new RegExp(`^${name} must be`));
  });
});
