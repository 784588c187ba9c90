import {
  type AlertChannels,
  type AlertRule,
  AlertRulesError,
  type ChannelName,
  consoleChannel,
  type LineSink,
  outboxChannel,
  webhookChannel,
} from '@truth-spine/alerts';
import type { AlertSettings } from './alertSettings.js';

/** The settings each channel needs, for messages. */
const channelSettings: Record<ChannelName, string> = {
  webhook: 'ALERT_WEBHOOK_URL and ALERT_WEBHOOK_SECRET',
  outbox: 'ALERT_OUTBOX',
  console: '(nothing)',
};

/**
 * The channels the settings configure (console always, writing to `consoleSink`), checked
 * against the rules: a rule naming a channel that is not configured is an
 * {@link AlertRulesError} such as
 * `alerts.json: rules[0] ("vol-high").channels[0] "webhook" needs ALERT_WEBHOOK_URL and ALERT_WEBHOOK_SECRET`.
 */
export function configureChannels(
  settings: AlertSettings,
  rules: readonly AlertRule[],
  consoleSink: LineSink,
  options: { readonly webhookTimeoutMs?: number } = {},
): AlertChannels {
  const channels: AlertChannels = { console: consoleChannel(consoleSink) };
  if (settings.webhook !== null)
    channels.webhook = webhookChannel({ ...settings.webhook, timeoutMs: options.webhookTimeoutMs });
  if (settings.outboxFile !== null) channels.outbox = outboxChannel(settings.outboxFile);
  const file = settings.rulesFile ?? 'ALERT_RULES';
  const problems = rules.flatMap((rule, index) =>
    rule.channels.flatMap((name, position) =>
      channels[name] === undefined
        ? [
            `${file}: rules[${index}] (${JSON.stringify(rule.id)}).channels[${position}] "${name}" needs ${channelSettings[name]}`,
          ]
        : [],
    ),
  );
  if (problems.length > 0) throw new AlertRulesError(file, problems);
  return channels;
}
