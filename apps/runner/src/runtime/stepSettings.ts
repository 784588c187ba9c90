import type { StepDependencies } from '@truth-spine/orchestrator';
import { UsageError } from '../cli/usageError.js';

/** The step settings (each omitted when unset: the step's default applies). */
export type StepSettings = Pick<
  StepDependencies,
  'calendarSymbol' | 'maxCarryForwardDays' | 'maxMissingFraction'
>;

/**
 * Reads CALENDAR_SYMBOL (a ticker), MAX_CARRY_FORWARD_DAYS (integer ≥ 0) and
 * MAX_MISSING_FRACTION (a number in [0, 1]) for build_pack and the steps reading the
 * trading calendar from the merged settings (`loadRunnerConfig`: environment over the
 * TRUTH_SPINE_CONFIG file). An unset or blank one is left out; a bad one is a
 * {@link UsageError} naming it.
 */
export function stepSettings(env: Readonly<Record<string, string | undefined>>): StepSettings {
  const text = (name: string) => (env[name] ?? '').trim();
  const settings: { -readonly [K in keyof StepSettings]: StepSettings[K] } = {};
  const symbol = text('CALENDAR_SYMBOL');
  if (symbol !== '') {
    if (!/^[A-Z0-9.^=-]{1,20}$/.test(symbol)) {
      throw new UsageError(
        `CALENDAR_SYMBOL must be a ticker such as SPY (was ${JSON.stringify(symbol)})`,
      );
    }
    settings.calendarSymbol = symbol;
  }
  const carry = text('MAX_CARRY_FORWARD_DAYS');
  if (carry !== '') {
    if (!/^\d+$/.test(carry)) {
      throw new UsageError(
        `MAX_CARRY_FORWARD_DAYS must be a whole number of days (was ${JSON.stringify(carry)})`,
      );
    }
    settings.maxCarryForwardDays = Number(carry);
  }
  const missing = text('MAX_MISSING_FRACTION');
  if (missing !== '') {
    const value = Number(missing);
    if (!/^\d*\.?\d+$/.test(missing) || value > 1) {
      throw new UsageError(
        `MAX_MISSING_FRACTION must be a number from 0 to 1 (was ${JSON.stringify(missing)})`,
      );
    }
    settings.maxMissingFraction = value;
  }
  return settings;
}
