import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsFolder, openDatabase, schema } from '@truth-spine/store';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { dbCommand } from './db.js';
import { dbTimeoutMs, recordingIo } from './dbTestSupport.js';

const books = fileURLToPath(new URL('./dbTestBooks', import.meta.url));

/** How many migrations are checked in, from drizzle-kit's own journal. */
const checkedIn = (
  JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

describe('db with bad configuration', () => {
  it('exits 64 naming DATABASE_URL without its password', async () => {
    const io = recordingIo({ DATABASE_URL: 'mysql://u:secret@h/db' });
    expect(await runCli(['db', 'migrate'], io, [dbCommand])).toBe(64);
    expect(io.err()).toMatch(/^db: DATABASE_URL "mysql:\/\/u:\*\*\*@h\/db": expected postgres/);
    expect(io.err()).not.toContain('secret');
  });

  it('exits 64 on an unknown subcommand', async () => {
    const io = recordingIo({});
    expect(await runCli(['db', 'drop'], io, [dbCommand])).toBe(64);
    expect(io.err()).toContain('usage: db migrate | db load-books [DIR]');
  });

  it('exits 64 on load-books without a directory when BOOKS_DIR is none', async () => {
    const io = recordingIo({ BOOKS_DIR: 'none' });
    expect(await runCli(['db', 'load-books'], io, [dbCommand])).toBe(64);
    expect(io.err()).toContain('BOOKS_DIR is none: name the directory to load (db load-books DIR)');
  });
});

describe('db migrate on an empty PGlite directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-db-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it(
    'applies the migrations once, then reports nothing to do; exits 3 while another process has it',
    async () => {
      const env = { DATABASE_URL: `pglite://${dir}` };
      const first = recordingIo(env);
      expect(await runCli(['db', 'migrate'], first, [dbCommand])).toBe(0);
      expect(checkedIn).toBeGreaterThanOrEqual(2);
      expect(first.out()).toBe(
        `pglite://${dir}: applied ${checkedIn} migration(s); ${checkedIn} in total\n`,
      );
      const second = recordingIo(env);
      expect(await runCli(['db', 'migrate'], second, [dbCommand])).toBe(0);
      expect(second.out()).toContain(`applied 0 migration(s); ${checkedIn} in total`);
      await writeFile(join(dir, 'truth-spine.lock'), `1@${(await import('node:os')).hostname()}`);
      const busy = recordingIo(env);
      expect(await runCli(['db', 'migrate'], busy, [dbCommand])).toBe(3);
      expect(busy.err()).toMatch(/open in process 1@.*PGlite allows one process/);
    },
    dbTimeoutMs,
  );
});

describe.each(testDatabaseKinds())('db load-books on %s', (kind) => {
  let t: TestDatabase;
  let scratch: string;
  beforeAll(async () => {
    t = await openTestDatabase(kind, process.env, { onDisk: true });
    await t.db.close();
    scratch = await mkdtemp(join(tmpdir(), 'truth-spine-books-'));
  }, dbTimeoutMs);
  afterAll(async () => {
    await t?.dispose();
    await rm(scratch, { recursive: true, force: true });
  });

  it(
    'loads BOOKS_DIR, reports the counts, and refuses broken books with file and line',
    async () => {
      const io = recordingIo({ DATABASE_URL: t.url, BOOKS_DIR: books });
      expect(await runCli(['db', 'load-books'], io, [dbCommand])).toBe(0);
      expect(io.out()).toBe(
        `${books}: 1 portfolio(s), 1 securities, 2 transaction(s) loaded; 0 removed\n`,
      );

      await cp(books, scratch, { recursive: true });
      await writeFile(
        join(scratch, 'securities.csv'),
        'symbol,name,currency,kind,country,adr_ratio,underlying,underlying_currency\nSPY,SPDR,USD,etf,US,,,\nQQQ,,USD,etf,US,,,\n',
      );
      const bad = recordingIo({ DATABASE_URL: t.url });
      expect(await runCli(['db', 'load-books', scratch], bad, [dbCommand])).toBe(1);
      expect(bad.err()).toContain('securities.csv:3: column 2 (name): must be present');

      const db = await openDatabase(t.url);
      try {
        const rows = await db.drizzle.select().from(schema.transactions);
        expect(rows.map((r) => [r.externalId, r.amount])).toEqual([
          ['R-1', '1000.00'],
          ['R-2', '-945.30'],
        ]);
      } finally {
        await db.close();
      }
    },
    dbTimeoutMs,
  );
});
