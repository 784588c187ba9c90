import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTimeoutMs } from './dbTestSupport.js';
import { runRunner } from './testing/runnerProcess.js';

/**
 * Which books a first night loads, through the real command line: the demo's into an
 * empty store, said on stderr with how to start empty; nothing with BOOKS_DIR=none; and
 * nothing into a store someone has started filling (a security added by hand).
 * 2024-03-09 is a Saturday: the night opens the runtime and skips, quickly.
 */
describe('books on a first night (child processes)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-first-start-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const portfolioIds = async (env: Record<string, string>) => {
    const listed = await runRunner(['portfolios', 'list', '--json'], env);
    expect(listed.code).toBe(0);
    return (JSON.parse(listed.stdout) as { portfolios: { id: string }[] }).portfolios.map(
      (p) => p.id,
    );
  };

  it(
    'loads the demo books into an empty store and says so; BOOKS_DIR=none or a started store loads nothing',
    async () => {
      const demo = { DATABASE_URL: `pglite://${join(dir, 'demo')}` };
      const first = await runRunner(['nightly', '--date', '2024-03-09'], demo);
      expect(first.code).toBe(0);
      expect(first.stderr).toContain(
        'loaded the bundled demo books into the empty database: 4 portfolio(s), 18 securities',
      );
      expect(first.stderr).toContain('set BOOKS_DIR=none');
      expect((await portfolioIds(demo)).sort()).toEqual([
        'P-EUR-GLOBAL',
        'P-GBP-UK',
        'P-USD-GROWTH',
        'P-USD-INCOME',
      ]);

      const none = { DATABASE_URL: `pglite://${join(dir, 'none')}`, BOOKS_DIR: 'none' };
      const empty = await runRunner(['nightly', '--date', '2024-03-09'], none);
      expect(empty.code).toBe(0);
      expect(empty.stderr).not.toContain('loaded');
      expect(await portfolioIds(none)).toEqual([]);

      const started = { DATABASE_URL: `pglite://${join(dir, 'started')}` };
      expect(
        (await runRunner(['securities', 'add', 'MSFT', '--currency', 'USD'], started)).code,
      ).toBe(0);
      const night = await runRunner(['nightly', '--date', '2024-03-09'], started);
      expect(night.code).toBe(0);
      expect(night.stderr).not.toContain('loaded');
      expect(await portfolioIds(started)).toEqual([]);
    },
    dbTimeoutMs,
  );

  it(
    'takes BOOKS_DIR=none from the TRUTH_SPINE_CONFIG file as from the environment',
    async () => {
      const file = join(dir, 'none.json');
      await writeFile(file, JSON.stringify({ BOOKS_DIR: 'none' }));
      const none = { DATABASE_URL: `pglite://${join(dir, 'file-none')}`, TRUTH_SPINE_CONFIG: file };
      const empty = await runRunner(['nightly', '--date', '2024-03-09'], none);
      expect(empty.code, empty.stderr).toBe(0);
      expect(empty.stderr).not.toContain('loaded');
      expect(await portfolioIds(none)).toEqual([]);
      const load = await runRunner(['db', 'load-books'], none);
      expect(load.code).toBe(64);
      expect(load.stderr).toContain('BOOKS_DIR is none: name the directory to load');
    },
    dbTimeoutMs,
  );
});
