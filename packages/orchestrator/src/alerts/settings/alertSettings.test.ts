import { describe, expect, it } from 'vitest';
import { AlertSettingsError } from './alertSettingsError.js';
import { readAlertSettings } from './alertSettings.js';

const secret = 'correct-horse-battery-staple';

function errorOf(env: Record<string, string>): AlertSettingsError {
  try {
    readAlertSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(AlertSettingsError);
    return error as AlertSettingsError;
  }
  throw new Error('expected the settings to be rejected');
}

describe('readAlertSettings', () => {
  it('reads every setting; empty means unset', () => {
    expect(readAlertSettings({})).toEqual({ rulesFile: null, webhook: null, outboxFile: null });
    expect(
      readAlertSettings({
        ALERT_RULES: 'alerts.json',
        ALERT_WEBHOOK_URL: 'https://hooks.example/alerts',
        ALERT_WEBHOOK_SECRET: secret,
        ALERT_OUTBOX: ' ',
      }),
    ).toEqual({
      rulesFile: 'alerts.json',
      webhook: { url: 'https://hooks.example/alerts', secret },
      outboxFile: null,
    });
  });

  it('names the bad setting and never shows the secret', () => {
    expect(errorOf({ ALERT_WEBHOOK_URL: 'ftp://x', ALERT_WEBHOOK_SECRET: secret }).message).toBe(
      'ALERT_WEBHOOK_URL must be an http:// or https:// URL',
    );
    expect(errorOf({ ALERT_WEBHOOK_URL: 'https://x' }).message).toBe(
      'ALERT_WEBHOOK_SECRET must be set when ALERT_WEBHOOK_URL is',
    );
    const short = errorOf({ ALERT_WEBHOOK_URL: 'https://x', ALERT_WEBHOOK_SECRET: 'hunter2' });
    expect(short).toMatchObject({
      code: 'alert_settings_invalid',
      setting: 'ALERT_WEBHOOK_SECRET',
    });
    expect(short.message).not.toContain('hunter2');
    expect(errorOf({ ALERT_WEBHOOK_SECRET: secret }).message).toBe(
      'ALERT_WEBHOOK_URL must be set when ALERT_WEBHOOK_SECRET is',
    );
  });
});
