import { describe, expect, it } from 'vitest';
import { checkedSettings } from '../checkedSettings.js';
import { loadSettings } from '../loadSettings.js';
import { AlertSettingsError } from './alertSettingsError.js';
import { alertSettingsFrom, readAlertSettings } from './alertSettings.js';

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

/** The alert settings of a TRUTH_SPINE_CONFIG file `/etc/ts/ts.json` holding `file`. */
const fromFile = (file: Record<string, string | number>) =>
  alertSettingsFrom(
    checkedSettings(
      loadSettings({ TRUTH_SPINE_CONFIG: '/etc/ts/ts.json' }, '/srv', () => JSON.stringify(file)),
    ),
  );

describe('alertSettingsFrom the checked settings', () => {
  it('reads every setting from the TRUTH_SPINE_CONFIG file, paths relative to it', () => {
    expect(
      fromFile({
        ALERT_RULES: 'rules.json',
        ALERT_WEBHOOK_URL: ' https://hooks.example/alerts ',
        ALERT_WEBHOOK_SECRET: secret,
        ALERT_OUTBOX: '/var/spool/outbox.jsonl',
      }),
    ).toEqual({
      rulesFile: '/etc/ts/rules.json',
      webhook: { url: 'https://hooks.example/alerts', secret },
      outboxFile: '/var/spool/outbox.jsonl',
    });
  });

  it('uses the secret exactly as given (a signing key is not trimmed)', () => {
    const padded = ` ${secret} `;
    expect(
      readAlertSettings({ ALERT_WEBHOOK_URL: 'https://x', ALERT_WEBHOOK_SECRET: padded }).webhook,
    ).toEqual({ url: 'https://x', secret: padded });
  });

  it('names the bad setting from the file and never shows the secret', () => {
    const attempts = [
      () => fromFile({ ALERT_WEBHOOK_URL: 'https://x', ALERT_WEBHOOK_SECRET: 'hunter2' }),
      () =>
        fromFile({ ALERT_WEBHOOK_URL: 'mailto:x', ALERT_WEBHOOK_SECRET: 'hunter2hunter2hunter2' }),
      () => fromFile({ ALERT_WEBHOOK_SECRET: 'hunter2hunter2hunter2' }),
    ];
    const messages = attempts.map((attempt) => {
      try {
        attempt();
      } catch (error) {
        expect(error).toBeInstanceOf(AlertSettingsError);
        return (error as Error).message;
      }
      throw new Error('expected the settings to be rejected');
    });
    expect(messages).toEqual([
      'ALERT_WEBHOOK_SECRET must be at least 16 characters long',
      'ALERT_WEBHOOK_URL must be an http:// or https:// URL',
      'ALERT_WEBHOOK_URL must be set when ALERT_WEBHOOK_SECRET is',
    ]);
    for (const message of messages) expect(message).not.toContain('hunter2');
  });
});
