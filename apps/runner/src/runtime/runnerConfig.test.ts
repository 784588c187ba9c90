import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { runRunner } from '../commands/testing/runnerProcess.js';
import { loadRunnerConfig } from './runnerConfig.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `settings` as the JSON file `name` in the test directory; returns its path. */
async function configFile(name: string, settings: Record<string, string | number>) {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(settings));
  return path;
}

describe('loadRunnerConfig', () => {
  it('reads every section from the file as from the environment; the environment wins', async () => {
    const file = await configFile('all.json', {
      CALENDAR_SYMBOL: 'QQQ',
      MAX_MISSING_FRACTION: 0.05,
      HTTP_PORT: 9090,
      SHUTDOWN_GRACE_SECONDS: 7,
      DISTRIBUTED: 'true',
      DISTRIBUTED_BATCH_SIZE: 250,
      ALERT_OUTBOX: 'spool/alerts.jsonl',
      STEP_MAX_ATTEMPTS: 5,
    });
    const config = loadRunnerConfig({
      env: { TRUTH_SPINE_CONFIG: file, HTTP_PORT: '8181', WORKER_CONCURRENCY: '3' },
      cwd: '/srv',
    });
    expect(config.steps).toEqual({ calendarSymbol: 'QQQ', maxMissingFraction: 0.05 });
    expect(config.serve).toEqual({ host: '127.0.0.1', port: 8181, shutdownGraceMs: 7000 });
    expect(config.workers).toMatchObject({ distributed: true, batchSize: 250, concurrency: 3 });
    expect(config.alerts).toEqual({
      rulesFile: null,
      webhook: null,
      outboxFile: join(dir, 'spool/alerts.jsonl'),
    });
    expect(config.stepMaxAttempts).toBe(5);
    expect(config.configFile).toBe(file);
  });

  it('has the same defaults as each section reader with no settings at all', () => {
    const config = loadRunnerConfig({ env: {}, cwd: '/srv' });
    expect(config.steps).toEqual({});
    expect(config.serve).toEqual({ host: '127.0.0.1', port: 8080, shutdownGraceMs: 20_000 });
    expect(config.workers).toMatchObject({ distributed: false, batchSize: 500, concurrency: 1 });
    expect(config.alerts).toEqual({ rulesFile: null, webhook: null, outboxFile: null });
  });

  it.each([
    [{ CALENDAR_SYMBOL: 'spy etf' }, /^CALENDAR_SYMBOL must be a ticker .*\(CALENDAR_SYMBOL in /],
    [{ HTTP_PORT: 70000 }, /^HTTP_PORT must be an integer from 0 to 65535 .*\(HTTP_PORT in /],
    [{ DISTRIBUTED: 'yes' }, /^DISTRIBUTED must be true or false .*\(DISTRIBUTED in /],
    [
      { ALERT_WEBHOOK_URL: 'ftp://x' },
      /^ALERT_WEBHOOK_URL must be an http.*\(ALERT_WEBHOOK_URL in /,
    ],
    [{ STEP_MAX_ATTEMPTS: 0 }, /^STEP_MAX_ATTEMPTS in .* must be positive/],
  ])('names the setting and the file for a bad file value %j', async (settings, message) => {
    const file = await configFile('bad.json', settings);
    const load = () => loadRunnerConfig({ env: { TRUTH_SPINE_CONFIG: file }, cwd: '/srv' });
    expect(load).toThrow(UsageError);
    expect(load).toThrow(message);
  });

  it('keeps the message of a bad environment value as its reader words it', () => {
    expect(() => loadRunnerConfig({ env: { HTTP_PORT: 'x' }, cwd: '/srv' })).toThrow(
      /^HTTP_PORT must be an integer from 0 to 65535 \(was "x"\)$/,
    );
  });

  it('never prints the webhook secret from the file', async () => {
    const file = await configFile('secret.json', {
      ALERT_WEBHOOK_URL: 'https://hooks.example/a',
      ALERT_WEBHOOK_SECRET: 'short-s3cret',
    });
    const load = () => loadRunnerConfig({ env: { TRUTH_SPINE_CONFIG: file }, cwd: '/srv' });
    expect(load).toThrow(/ALERT_WEBHOOK_SECRET must be at least 16 characters/);
    expect(load).not.toThrow(/short-s3cret/);
  });
});

describe('a bad setting in the TRUTH_SPINE_CONFIG file, through the command line', () => {
  it.each([
    ['nightly', { MAX_MISSING_FRACTION: 2 }, 'MAX_MISSING_FRACTION must be a number from 0 to 1'],
    ['worker', { DISTRIBUTED_BATCH_SIZE: 0 }, 'DISTRIBUTED_BATCH_SIZE must be a whole number ≥ 1'],
    ['serve', { SHUTDOWN_GRACE_SECONDS: 0 }, 'SHUTDOWN_GRACE_SECONDS must be an integer from 1'],
  ])(
    '%s exits 64 naming it and the file, before any store is opened',
    async (command, settings, message) => {
      const file = await configFile(`${command}.json`, settings);
      const store = join(dir, `${command}-store`);
      const result = await runRunner([command], {
        TRUTH_SPINE_CONFIG: file,
        DATABASE_URL: `pglite://${store}`,
      });
      expect(result.code).toBe(64);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain(`in ${file}`);
      expect(existsSync(store)).toBe(false);
    },
    60_000,
  );
});
