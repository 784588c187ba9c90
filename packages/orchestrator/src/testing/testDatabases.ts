import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/openDatabase.js';

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
  /** The URL of this database (`pglite://memory` for PGlite). */
  readonly url: string;
  /** Closes every handle and drops the PostgreSQL database. */
  dispose(): Promise<void>;
}

/**
 * Opens a fresh migrated database: a PGlite in memory (one per test file — each costs
 * seconds and hundreds of MB), or a new PostgreSQL database `truth_spine_test_<random>`
 * created beside `TEST_DATABASE_URL`'s and dropped by `dispose`, so test files never collide.
 */
export async function openTestDatabase(
  kind: TestDatabaseKind,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase('pglite://memory');
    return {
      kind,
      db,
      url: 'pglite://memory',
      openAnother: () => Promise.reject(new Error('PGlite in memory has one handle')),
      dispose: () => db.close(),
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
  const db = await open();
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
