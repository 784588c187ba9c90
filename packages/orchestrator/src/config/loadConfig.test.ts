import { describe, expect, it } from 'vitest';
import { booksDirIsNone, bundledDemoDir, ConfigError, loadConfig } from './loadConfig.js';
import { loadSettings } from './loadSettings.js';

const noFile = (path: string): string => {
  throw new Error(`ENOENT: ${path}`);
};

describe('loadConfig', () => {
  it('has a working default for everything', () => {
    const config = loadConfig({}, '/srv', noFile);
    expect(config).toEqual({
      databaseUrl: undefined,
      booksDir: bundledDemoDir,
      ledgerDir: `${bundledDemoDir}/ledgers`,
      offlineDataDir: `${bundledDemoDir}/market`,
      scheduleTimezone: 'UTC',
      scheduleCron: '5 0 * * *',
      packDeadlineMinutes: 10,
      runDeadlineMinutes: 30,
      stepMaxAttempts: 3,
      stepRetryInitialMs: 5000,
      stepRetryMaxMs: 60000,
      stepTimeoutMinutes: 20,
      catchUpMaxDays: 7,
      configFile: null,
    });
    expect(bundledDemoDir).toMatch(/\/data\/demo$/);
  });

  it('reads the environment, resolving paths against the working directory', () => {
    const config = loadConfig(
      {
        BOOKS_DIR: 'books',
        PACK_DEADLINE_MINUTES: '12',
        TZ: 'Europe/London',
        DATABASE_URL: 'pglite://memory',
      },
      '/srv',
      noFile,
    );
    expect(config).toMatchObject({
      booksDir: '/srv/books',
      ledgerDir: '/srv/books/ledgers',
      packDeadlineMinutes: 12,
      scheduleTimezone: 'Europe/London',
      databaseUrl: 'pglite://memory',
    });
  });

  it('reads a JSON file, relative to the file, with the environment winning', () => {
    const files: Record<string, string> = {
      '/etc/ts/config.json': JSON.stringify({
        LEDGER_DIR: 'ledgers',
        RUN_DEADLINE_MINUTES: 45,
        SCHEDULE_TIMEZONE: 'America/New_York',
        CATCH_UP_MAX_DAYS: 3,
      }),
    };
    const config = loadConfig(
      { TRUTH_SPINE_CONFIG: '/etc/ts/config.json', CATCH_UP_MAX_DAYS: '0' },
      '/srv',
      (p) => files[p] ?? noFile(p),
    );
    expect(config).toMatchObject({
      ledgerDir: '/etc/ts/ledgers',
      runDeadlineMinutes: 45,
      scheduleTimezone: 'America/New_York',
      catchUpMaxDays: 0,
      configFile: '/etc/ts/config.json',
    });
  });

  it.each([
    [
      { PACK_DEADLINE_MINUTES: 'ten' },
      'PACK_DEADLINE_MINUTES',
      /PACK_DEADLINE_MINUTES must be a number \(was a string\)/,
    ],
    [
      { STEP_MAX_ATTEMPTS: '0' },
      'STEP_MAX_ATTEMPTS',
      /STEP_MAX_ATTEMPTS must be positive \(was 0\)/,
    ],
    [
      { RUN_DEADLINE_MINUTES: '2.5' },
      'RUN_DEADLINE_MINUTES',
      /RUN_DEADLINE_MINUTES must be an integer/,
    ],
    [
      { SCHEDULE_TIMEZONE: 'Mars/Olympus' },
      'SCHEDULE_TIMEZONE',
      /SCHEDULE_TIMEZONE must be an IANA time zone/,
    ],
    [{ TZ: 'Nowhere' }, 'TZ', /TZ must be an IANA/],
    [{ SCHEDULE_CRON: 'every night' }, 'SCHEDULE_CRON', /SCHEDULE_CRON must be matched/],
    [
      { RUN_DEADLINE_MINUTES: '5' },
      'RUN_DEADLINE_MINUTES',
      /at least PACK_DEADLINE_MINUTES \(10\)/,
    ],
    [{ STEP_RETRY_MAX_MS: '10' }, 'STEP_RETRY_MAX_MS', /at least STEP_RETRY_INITIAL_MS/],
  ])('rejects %j naming the setting', (env, setting, message) => {
    const load = () => loadConfig(env, '/srv', noFile);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
    try {
      load();
    } catch (error) {
      expect((error as ConfigError).setting).toBe(setting);
    }
  });

  it('names the file for bad, unknown or unreadable file settings', () => {
    const file = (text: string) => () => text;
    const env = { TRUTH_SPINE_CONFIG: 'ts.json' };
    expect(() => loadConfig(env, '/srv', file('{"STEP_MAX_ATTEMPTS": -1}'))).toThrow(
      'STEP_MAX_ATTEMPTS in ts.json must be positive (was -1)',
    );
    expect(() => loadConfig(env, '/srv', file('{"PACK_DEADLINE": 5}'))).toThrow(
      /PACK_DEADLINE in \/srv\/ts.json is not a setting/,
    );
    expect(() => loadConfig(env, '/srv', file('{nope'))).toThrow(
      /TRUTH_SPINE_CONFIG \/srv\/ts.json is not valid JSON/,
    );
    expect(() => loadConfig(env, '/srv', noFile)).toThrow(
      /TRUTH_SPINE_CONFIG \/srv\/ts.json cannot be read/,
    );
  });

  it('knows BOOKS_DIR=none from the environment or the file, the file leaving the word as it is', () => {
    const file = () => JSON.stringify({ BOOKS_DIR: 'none' });
    const fromFile = loadSettings({ TRUTH_SPINE_CONFIG: '/etc/ts/ts.json' }, '/srv', file);
    expect(fromFile.values['BOOKS_DIR']).toBe('none');
    expect(booksDirIsNone(fromFile)).toBe(true);
    expect(booksDirIsNone(loadSettings({ BOOKS_DIR: ' none ' }, '/srv'))).toBe(true);
    expect(booksDirIsNone(loadSettings({ BOOKS_DIR: 'books' }, '/srv'))).toBe(false);
    expect(booksDirIsNone(loadSettings({}, '/srv'))).toBe(false);
    const relative = () => JSON.stringify({ BOOKS_DIR: 'books' });
    expect(
      loadSettings({ TRUTH_SPINE_CONFIG: '/etc/ts/ts.json' }, '/srv', relative).values['BOOKS_DIR'],
    ).toBe('/etc/ts/books');
  });
});
