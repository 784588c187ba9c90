import { describe, expect, it } from 'vitest';
import { checkedSettings, checkedSettingsOf } from './checkedSettings.js';
import { ConfigError } from './configError.js';
import { loadSettings } from './loadSettings.js';

/** The checked settings of environment `env`, with `file` as the TRUTH_SPINE_CONFIG file. */
function checked(env: Record<string, string>, file?: Record<string, string | number>) {
  const withFile = file === undefined ? env : { TRUTH_SPINE_CONFIG: 'conf/ts.json', ...env };
  return checkedSettings(loadSettings(withFile, '/srv', () => JSON.stringify(file)));
}

/** The error `load` throws (it must throw a ConfigError). */
function errorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('checkedSettings', () => {
  it('gives each checked setting its default when unset or blank', () => {
    const settings = checked({ HTTP_PORT: ' ', MARKET_DATA: '' });
    expect(settings).toMatchObject({
      MARKET_DATA: 'offline',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: 8080,
      HTTP_ACCESS_TOKEN: null,
      SHUTDOWN_GRACE_SECONDS: 20,
      DISTRIBUTED: false,
      DISTRIBUTED_BATCH_SIZE: 500,
      CALENDAR_SYMBOL: null,
      ALERT_WEBHOOK_SECRET: null,
      LOG_LEVEL: 'info',
      LOG_FORMAT: null,
    });
    expect(settings).not.toHaveProperty('DATABASE_URL');
  });

  it('types the values of the environment and of the file alike; the environment wins', () => {
    const settings = checked(
      { HTTP_PORT: '9000', DISTRIBUTED: 'TRUE' },
      { HTTP_PORT: 1, MAX_MISSING_FRACTION: 0.05, ALERT_OUTBOX: 'spool/out.jsonl' },
    );
    expect(settings).toMatchObject({
      HTTP_PORT: 9000,
      DISTRIBUTED: true,
      MAX_MISSING_FRACTION: 0.05,
      ALERT_OUTBOX: '/srv/conf/spool/out.jsonl',
    });
  });

  it('names the setting and the value, and the file when the value came from it', () => {
    const fromEnv = errorOf(() => checked({ WORKER_CONCURRENCY: '0' }));
    expect(fromEnv.setting).toBe('WORKER_CONCURRENCY');
    expect(fromEnv.message).toBe('WORKER_CONCURRENCY must be a whole number ≥ 1 (was "0")');
    const fromFile = errorOf(() => checked({}, { MARKET_DATA: 'replay' }));
    expect(fromFile.setting).toBe('MARKET_DATA');
    expect(fromFile.message).toBe(
      'MARKET_DATA must be offline or live (was "replay") (MARKET_DATA in conf/ts.json)',
    );
  });

  it('never puts a secret into a message, from the environment or the file', () => {
    const token = 'short-token';
    for (const load of [
      () => checked({ HTTP_ACCESS_TOKEN: token }),
      () => checked({}, { HTTP_ACCESS_TOKEN: token }),
    ]) {
      const error = errorOf(load);
      expect(error.setting).toBe('HTTP_ACCESS_TOKEN');
      expect(error.message).toMatch(
        /^HTTP_ACCESS_TOKEN must be at least 16 characters \(it has 11\)/,
      );
      expect(error.message).not.toContain(token);
    }
  });

  it('checks only the sections asked for', () => {
    const values = { HTTP_PORT: 'x', ALERT_RULES: 'rules.json' };
    expect(checkedSettingsOf(values, ['alerts'])).toEqual({
      ALERT_RULES: 'rules.json',
      ALERT_WEBHOOK_URL: null,
      ALERT_WEBHOOK_SECRET: null,
      ALERT_OUTBOX: null,
    });
    expect(() => checkedSettingsOf(values, ['serve'])).toThrow(/^HTTP_PORT must be an integer/);
  });

  it('reads LOG_LEVEL and LOG_FORMAT from the environment only', () => {
    expect(checked({ LOG_LEVEL: ' debug ', LOG_FORMAT: 'json' })).toMatchObject({
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
    });
    expect(() => checked({}, { LOG_FORMAT: 'json' })).toThrow(
      /LOG_FORMAT in \/srv\/conf\/ts.json is read from the environment only/,
    );
  });
});
