import {
  type AlertChannels,
  type AlertRule,
  type AlertStore,
  type ChannelName,
  type DeliveryOptions,
  type LineSink,
  loadAlertRules,
  withOperationalDefaults,
} from '@truth-spine/alerts';
import { readAlertSettings } from '../../config/alertSettings/alertSettings.js';
import { configureChannels } from '../../config/alertSettings/configureChannels.js';
import type { StepDependencies } from '../stepDependencies.js';

/** The rules in force and the channels to deliver on. */
export interface AlertSetup {
  readonly rules: readonly AlertRule[];
  readonly channels: AlertChannels;
}

/**
 * The rules and channels of `deps.alertSettings` (the runner reads them with the rest of its
 * configuration; absent → no ALERT_* setting: console only, built-in rules only — a step
 * never reads the process environment itself): the `ALERT_RULES` file's rules plus the
 * built-in operational rules
 * (`withOperationalDefaults`) on every configured channel; channels from
 * `configureChannels` (a rule naming an unconfigured channel is an AlertRulesError).
 * The console channel writes to `deps.alertConsole` (default stderr: stdout carries the
 * commands' JSON reports).
 */
export async function alertSetup(deps: StepDependencies): Promise<AlertSetup> {
  const settings = deps.alertSettings ?? readAlertSettings({});
  const fileRules = settings.rulesFile === null ? [] : await loadAlertRules(settings.rulesFile);
  const sink: LineSink = deps.alertConsole ?? process.stderr;
  const channels = configureChannels(settings, fileRules, sink);
  const names = Object.keys(channels) as ChannelName[];
  return { rules: withOperationalDefaults(fileRules, names), channels };
}

/** The delivery options of a pass on `store` with `setup`'s channels and `deps.alertRetry`. */
export function deliveryOptions(
  deps: StepDependencies,
  store: AlertStore,
  setup: AlertSetup,
): DeliveryOptions {
  return {
    store,
    channels: setup.channels,
    ...(deps.alertRetry === undefined ? {} : { retry: deps.alertRetry }),
  };
}
