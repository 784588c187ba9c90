import { checkedSettings, loadSettings } from '@truth-spine/orchestrator';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { loadRunnerConfig } from './runnerConfig.js';
import { stepSettings } from './stepSettings.js';

/** The step settings of a runner with environment `env`. */
const fromEnv = (env: Record<string, string>) => loadRunnerConfig({ env, cwd: '/srv' }).steps;

/** The step settings of a TRUTH_SPINE_CONFIG file holding `file`. */
const fromFile = (file: Record<string, string | number>) =>
  stepSettings(
    checkedSettings(
      loadSettings({ TRUTH_SPINE_CONFIG: 'ts.json' }, '/srv', () => JSON.stringify(file)),
    ),
  );

describe('stepSettings', () => {
  it('leaves every setting out when unset or blank (the steps apply their defaults)', () => {
    expect(fromEnv({})).toEqual({});
    expect(fromEnv({ CALENDAR_SYMBOL: ' ', MAX_MISSING_FRACTION: '' })).toEqual({});
  });

  it('reads the three settings', () => {
    expect(
      fromEnv({
        CALENDAR_SYMBOL: 'QQQ',
        MAX_CARRY_FORWARD_DAYS: '3',
        MAX_MISSING_FRACTION: '0.05',
      }),
    ).toEqual({ calendarSymbol: 'QQQ', maxCarryForwardDays: 3, maxMissingFraction: 0.05 });
  });

  it('reads them from the TRUTH_SPINE_CONFIG file too', () => {
    expect(
      fromFile({ CALENDAR_SYMBOL: 'BRK.B', MAX_CARRY_FORWARD_DAYS: 0, MAX_MISSING_FRACTION: 1 }),
    ).toEqual({ calendarSymbol: 'BRK.B', maxCarryForwardDays: 0, maxMissingFraction: 1 });
  });

  it.each([
    ['CALENDAR_SYMBOL', 'spy; drop'],
    ['MAX_CARRY_FORWARD_DAYS', '-1'],
    ['MAX_CARRY_FORWARD_DAYS', '2.5'],
    ['MAX_MISSING_FRACTION', '1.5'],
    ['MAX_MISSING_FRACTION', 'two percent'],
  ])('rejects %s=%s naming the setting', (name, value) => {
    expect(() => fromEnv({ [name]: value })).toThrow(UsageError);
    expect(() => fromEnv({ [name]: value })).toThrow(new RegExp(`^${name} must be`));
    expect(() => fromEnv({ [name]: value })).toThrow(`(was ${JSON.stringify(value)})`);
  });

  it('names the file for a bad file value', () => {
    expect(() => fromFile({ MAX_MISSING_FRACTION: 2 })).toThrow(
      'MAX_MISSING_FRACTION must be a number from 0 to 1 (was "2") (MAX_MISSING_FRACTION in ts.json)',
    );
  });
});
