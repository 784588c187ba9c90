import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { Database } from '../database.js';
import { openDatabase } from '../openDatabase.js';

/** A database a test suite runs on. */
export type TestDatabaseKind = 'pglite' | 'postgres';

/**
 * The kinds to run a database suite on (`describe.each(testDatabaseKinds())`): always
 * PGlite; PostgreSQL too when `TEST_DATABASE_URL` is set (CI:
 * `postgres://postgres@127.0.0.1:5432/test`).
 */
export function testDatabaseKinds(
  env: Readonly<Record<string, string | undefined>> = process.env,
): TestDatabaseKind[] {
  return env['TEST_DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];
}

/** An isolated, migrated database for one test file. */
export interface TestDatabase {
  readonly kind: TestDatabaseKind;
  readonly db: Database;
  /**
   * Opens another, independent handle on the same PostgreSQL database (a second
   * "process"), migrating it unless `migrate: false`.
   */
  openAnother(options?: { migrate?: boolean }): Promise<Database>;
  /** The URL of this database (`pglite://memory`, or `pglite://DIR` when on disk). */
  readonly url: string;
  /** Closes every handle and drops the PostgreSQL database or deletes the PGlite directory. */
  dispose(): Promise<void>;
}

/**
 * Opens a fresh migrated database: a PGlite in memory (one per test file — each costs
 * seconds and hundreds of MB; `onDisk: true` puts it in a temporary directory, so that a
 * command under test can open it by URL after `db.close()`), or a new PostgreSQL database
 * `truth_spine_test_<random>` created beside `TEST_DATABASE_URL`'s and dropped by
 * `dispose`, so test files never collide. `migrate: false` leaves it empty (for
 * `migrateThrough`).
 */
export async function openTestDatabase(
  kind: TestDatabaseKind,
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: { onDisk?: boolean; migrate?: boolean } = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dir = options.onDisk ? await mkdtemp(join(tmpdir(), 'truth-spine-pglite-')) : null;
    const url = dir === null ? 'pglite://memory' : `pglite://${dir}`;
    const db = await openDatabase(url, { migrate: options.migrate ?? true });
    return {
      kind,
      db,
      url,
      openAnother: () => Promise.reject(new Error('PGlite allows one handle per process')),
      dispose: async () => {
        await db.close();
        if (dir !== null) await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = env['TEST_DATABASE_URL'];
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `truth_spine_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handles: Database[] = [];
  const open = async (options: { migrate?: boolean } = {}) => {
    const handle = await openDatabase(url.toString(), options);
    handles.push(handle);
    return handle;
  };
  const db = await open({ migrate: options.migrate ?? true });
  return {
    kind,
    db,
    url: url.toString(),
    openAnother: open,
    dispose: async () => {
      for (const handle of handles) await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
