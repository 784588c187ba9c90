import { AlertSettingsError } from './alertSettingsError.js';

/** The alert settings, read from the environment. Absent settings are null. */
export interface AlertSettings {
  /** `ALERT_RULES`: path of the rules file. */
  readonly rulesFile: string | null;
  /** `ALERT_WEBHOOK_URL` + `ALERT_WEBHOOK_SECRET`, both or neither. */
  readonly webhook: { readonly url: string; readonly secret: string } | null;
  /** `ALERT_OUTBOX`: path of the JSONL outbox. */
  readonly outboxFile: string | null;
}

/** Shortest accepted `ALERT_WEBHOOK_SECRET`: 16 characters. */
export const minimumSecretLength = 16;

/**
 * Reads and checks `ALERT_RULES`, `ALERT_WEBHOOK_URL`, `ALERT_WEBHOOK_SECRET`, `ALERT_OUTBOX`
 * (empty = unset). The URL must be http(s); a webhook needs a secret of at least
 * {@link minimumSecretLength} characters. Throws {@link AlertSettingsError} naming the setting;
 * the secret's value never appears in a message.
 */
export function readAlertSettings(
  env: Readonly<Record<string, string | undefined>>,
): AlertSettings {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? null : raw;
  };
  const url = value('ALERT_WEBHOOK_URL');
  const secret = env['ALERT_WEBHOOK_SECRET'] ?? '';
  let webhook: AlertSettings['webhook'] = null;
  if (url !== null) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw new AlertSettingsError('ALERT_WEBHOOK_URL', 'must be an http:// or https:// URL');
    }
    if (secret === '') {
      throw new AlertSettingsError('ALERT_WEBHOOK_SECRET', 'must be set when ALERT_WEBHOOK_URL is');
    }
    if (secret.length < minimumSecretLength) {
      throw new AlertSettingsError(
        'ALERT_WEBHOOK_SECRET',
        `must be at least ${minimumSecretLength} characters long`,
      );
    }
    webhook = { url, secret };
  } else if (secret !== '') {
    throw new AlertSettingsError('ALERT_WEBHOOK_URL', 'must be set when ALERT_WEBHOOK_SECRET is');
  }
  return { rulesFile: value('ALERT_RULES'), webhook, outboxFile: value('ALERT_OUTBOX') };
}
