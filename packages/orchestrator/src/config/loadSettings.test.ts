import { describe, expect, it } from 'vitest';
import { ConfigError } from './configError.js';
import { loadSettings } from './loadSettings.js';

const files =
  (contents: Record<string, string>) =>
  (path: string): string => {
    const text = contents[path];
    if (text === undefined) throw new Error(`ENOENT: ${path}`);
    return text;
  };

describe('loadSettings', () => {
  it('is the environment itself when no file is named', () => {
    const env = { CALENDAR_SYMBOL: 'QQQ', HTTP_PORT: '9000' };
    const loaded = loadSettings(env, '/srv', files({}));
    expect(loaded.values).toEqual(env);
    expect(loaded.configFile).toBeNull();
    expect(loaded.origin('HTTP_PORT')).toBe('HTTP_PORT');
  });

  it('takes every section from the file under the environment, file paths against its directory', () => {
    const file = JSON.stringify({
      CALENDAR_SYMBOL: 'QQQ',
      HTTP_PORT: 9000,
      DISTRIBUTED_BATCH_SIZE: 250,
      ALERT_RULES: 'rules/alerts.json',
      ALERT_OUTBOX: '/var/spool/outbox.jsonl',
      MAX_MISSING_FRACTION: '0.05',
    });
    const loaded = loadSettings(
      { TRUTH_SPINE_CONFIG: 'conf/ts.json', HTTP_PORT: '8181', MAX_MISSING_FRACTION: ' ' },
      '/srv',
      files({ '/srv/conf/ts.json': file }),
    );
    expect(loaded.values).toMatchObject({
      CALENDAR_SYMBOL: 'QQQ',
      HTTP_PORT: '8181',
      DISTRIBUTED_BATCH_SIZE: '250',
      ALERT_RULES: '/srv/conf/rules/alerts.json',
      ALERT_OUTBOX: '/var/spool/outbox.jsonl',
      MAX_MISSING_FRACTION: '0.05',
    });
    expect(loaded.configFile).toBe('/srv/conf/ts.json');
    expect(loaded.origin('CALENDAR_SYMBOL')).toBe('CALENDAR_SYMBOL in conf/ts.json');
    expect(loaded.origin('HTTP_PORT')).toBe('HTTP_PORT');
    expect(loaded.fromFile('MAX_MISSING_FRACTION')).toBe(true);
  });

  it.each([
    [
      '{"HTTP_PROT": 1}',
      'TRUTH_SPINE_CONFIG',
      /HTTP_PROT in \/srv\/ts.json is not a setting \(known: .*HTTP_PORT/,
    ],
    [
      '{"LOG_LEVEL": "debug"}',
      'LOG_LEVEL',
      /LOG_LEVEL in \/srv\/ts.json is read from the environment only/,
    ],
    [
      '{"HTTP_PORT": [80]}',
      'HTTP_PORT',
      /HTTP_PORT in \/srv\/ts.json must be a string or a number/,
    ],
    ['[1]', 'TRUTH_SPINE_CONFIG', /must hold a JSON object of settings/],
  ])('rejects the file %s naming the setting', (text, setting, message) => {
    const load = () => loadSettings({ TRUTH_SPINE_CONFIG: 'ts.json' }, '/srv', () => text);
    expect(load).toThrow(message);
    expect(load).toThrow(expect.objectContaining({ setting }) as ConfigError);
  });
});
