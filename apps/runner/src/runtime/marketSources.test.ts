import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OfflineReplaySource } from '@truth-spine/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { runRunner } from '../commands/testing/runnerProcess.js';
import { marketSources } from './marketSources.js';
import { loadRunnerConfig } from './runnerConfig.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'market-sources-'));
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

/** The market sources of a runner with environment `env` and OFFLINE_DATA_DIR `offlineDataDir`. */
const sourcesOf = (env: Record<string, string>, offlineDataDir: string) =>
  marketSources({ ...loadRunnerConfig({ env, cwd: '/srv' }), offlineDataDir });

describe('marketSources', () => {
  it('replays the offline data set by default, with no fallback', () => {
    const sources = sourcesOf({}, '/data/market');
    expect(sources.mode).toBe('offline');
    expect(sources.market).toBeInstanceOf(OfflineReplaySource);
    expect((sources.market as OfflineReplaySource).root).toBe('/data/market');
    expect(sources.fallback).toBeNull();
    expect(sources.replay).toBe(sources.market);
  });

  it('builds the HTTP providers with MARKET_DATA=live and every key', () => {
    const sources = sourcesOf(
      { MARKET_DATA: 'live', POLYGON_API_KEY: 'p', FMP_API_KEY: 'f', FRED_API_KEY: 'r' },
      '/unused',
    );
    expect(sources.mode).toBe('live');
    expect(sources.replay).toBeNull();
    expect(sources.fallback).not.toBeNull();
    expect(sources.market).not.toBeInstanceOf(OfflineReplaySource);
  });

  it('names the missing keys without echoing any value, and rejects an unknown mode', () => {
    const secret = 'sk-live-123';
    const attempt = () => sourcesOf({ MARKET_DATA: 'live', POLYGON_API_KEY: secret }, '/unused');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow('MARKET_DATA=live needs FMP_API_KEY, FRED_API_KEY (unset)');
    expect(attempt).not.toThrow(/sk-live-123/);
    expect(() => sourcesOf({ MARKET_DATA: 'replay' }, '/unused')).toThrow(UsageError);
    expect(() => sourcesOf({ MARKET_DATA: 'replay' }, '/unused')).toThrow(
      /MARKET_DATA must be offline or live \(was "replay"\)/,
    );
  });

  it('takes MARKET_DATA and the keys from the TRUTH_SPINE_CONFIG file', async () => {
    const file = await configFile('live.json', {
      MARKET_DATA: 'live',
      POLYGON_API_KEY: 'p',
      FMP_API_KEY: 'f',
      FRED_API_KEY: 'r',
    });
    expect(sourcesOf({ TRUTH_SPINE_CONFIG: file }, '/unused').mode).toBe('live');
    expect(sourcesOf({ TRUTH_SPINE_CONFIG: file, MARKET_DATA: 'offline' }, '/m').mode).toBe(
      'offline',
    );
    const bad = await configFile('bad.json', { MARKET_DATA: 'Live!' });
    expect(() => sourcesOf({ TRUTH_SPINE_CONFIG: bad }, '/unused')).toThrow(
      `MARKET_DATA must be offline or live (was "Live!") (MARKET_DATA in ${bad})`,
    );
  });
});

describe('a bad MARKET_DATA in the TRUTH_SPINE_CONFIG file, through the command line', () => {
  it.each([[['nightly']], [['db', 'load-books']]])(
    '%j exits 64 naming it and the file, before any store is opened',
    async (args) => {
      const file = await configFile(`${args.join('-')}.json`, { MARKET_DATA: 'replay' });
      const store = join(dir, `${args.join('-')}-store`);
      const result = await runRunner(args, {
        TRUTH_SPINE_CONFIG: file,
        DATABASE_URL: `pglite://${store}`,
      });
      expect(result.code).toBe(64);
      expect(result.stderr).toContain(
        `MARKET_DATA must be offline or live (was "replay") (MARKET_DATA in ${file})`,
      );
      expect(existsSync(store)).toBe(false);
    },
    60_000,
  );
});
