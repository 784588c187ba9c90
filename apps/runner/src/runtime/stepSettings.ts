import type { CheckedSettings, StepDependencies } from '@truth-spine/orchestrator';

/** The step settings (each omitted when unset: the step's default applies). */
export type StepSettings = Pick<
  StepDependencies,
  'calendarSymbol' | 'maxCarryForwardDays' | 'maxMissingFraction'
>;

/**
 * {@link StepSettings} from the checked settings: CALENDAR_SYMBOL (a ticker),
 * MAX_CARRY_FORWARD_DAYS (a whole number) and MAX_MISSING_FRACTION (a number in [0, 1]),
 * validated by the setting catalog for build_pack and the steps reading the trading
 * calendar. An unset one is left out, so the step's own default applies.
 */
export function stepSettings(
  settings: Pick<
    CheckedSettings,
    'CALENDAR_SYMBOL' | 'MAX_CARRY_FORWARD_DAYS' | 'MAX_MISSING_FRACTION'
  >,
): StepSettings {
  return {
    ...(settings.CALENDAR_SYMBOL === null ? {} : { calendarSymbol: settings.CALENDAR_SYMBOL }),
    ...(settings.MAX_CARRY_FORWARD_DAYS === null
      ? {}
      : { maxCarryForwardDays: settings.MAX_CARRY_FORWARD_DAYS }),
    ...(settings.MAX_MISSING_FRACTION === null
      ? {}
      : { maxMissingFraction: settings.MAX_MISSING_FRACTION }),
  };
}
