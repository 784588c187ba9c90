import { checkedSettingsOf } from '../checkedSettings.js';
import type { SettingValues } from '../loadSettings.js';
import type { CheckedSettings } from '../settingCatalog.js';
import { minimumSecretLength } from '../secretLength.js';
import { AlertSettingsError } from './alertSettingsError.js';

/** The alert settings. Absent settings are null. */
export interface AlertSettings {
  /** `ALERT_RULES`: path of the rules file. */
  readonly rulesFile: string | null;
  /** `ALERT_WEBHOOK_URL` + `ALERT_WEBHOOK_SECRET`, both or neither. */
  readonly webhook: { readonly url: string; readonly secret: string } | null;
  /** `ALERT_OUTBOX`: path of the JSONL outbox. */
  readonly outboxFile: string | null;
}

/** The alert settings' names, as the setting catalog checks them. */
export type AlertSettingName =
  'ALERT_RULES' | 'ALERT_WEBHOOK_URL' | 'ALERT_WEBHOOK_SECRET' | 'ALERT_OUTBOX';

/**
 * {@link AlertSettings} from the checked settings (the setting catalog trims each but the
 * secret, which is used exactly as given; blank = unset), checking what spans settings:
 * the URL must be http(s); a webhook needs a secret of at least {@link minimumSecretLength}
 * characters, and a secret needs a URL. Throws {@link AlertSettingsError} naming the
 * setting; the secret's value never appears in a message.
 */
export function alertSettingsFrom(
  settings: Pick<CheckedSettings, AlertSettingName>,
): AlertSettings {
  const url = settings.ALERT_WEBHOOK_URL;
  const secret = settings.ALERT_WEBHOOK_SECRET ?? '';
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
  return { rulesFile: settings.ALERT_RULES, webhook, outboxFile: settings.ALERT_OUTBOX };
}

/**
 * {@link alertSettingsFrom} the ALERT_* values of `env` alone (no TRUTH_SPINE_CONFIG file is
 * read): for a step run without the runner's configuration. Throws {@link AlertSettingsError}
 * naming the setting, never showing the secret.
 */
export function readAlertSettings(env: SettingValues): AlertSettings {
  return alertSettingsFrom(checkedSettingsOf(env, ['alerts']));
}
