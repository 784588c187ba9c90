import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, redactDatabaseUrl, type Database } from '@truth-spine/store';

/** A fresh, migrated store for one bench run, and how to measure and remove it. */
export interface BenchDatabase {
  readonly db: Database;
  /** `pglite://<temp dir>` or the PostgreSQL URL of the bench database (password redacted). */
  readonly description: string;
  /** Bytes on disk: the PGlite directory, or `pg_database_size` (after a checkpoint). */
  sizeBytes(): Promise<number>;
  /** Closes it and deletes it (PGlite directory removed; PostgreSQL database dropped unless `keep`). */
  dispose(): Promise<void>;
}

/**
 * Opens a fresh store: without `url`, PGlite in a new temporary directory; with a
 * `postgres://` URL, a new database `bench_<time>_<pid>` created on that server (the URL's
 * own database is only used to create and drop it). Migrations are applied. `keep` leaves
 * the PostgreSQL database (or PGlite directory) in place for inspection.
 */
export async function openBenchDatabase(
  url: string | undefined,
  keep = false,
): Promise<BenchDatabase> {
  if (url === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-pglite-'));
    const db = await openDatabase(`pglite://${dir}`);
    return {
      db,
      description: `pglite://${dir}`,
      sizeBytes: async () => {
        await db.checkpoint();
        return directoryBytes(dir);
      },
      dispose: async () => {
        await db.close();
        if (!keep) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error(
      `--database must be a postgres:// URL (was ${JSON.stringify(redactDatabaseUrl(url))})`,
    );
  const name = `bench_${Date.now()}_${process.pid}`;
  const admin = await openDatabase(url, { migrate: false });
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.close();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase(target.toString());
  return {
    db,
    description: redactDatabaseUrl(target.toString()),
    sizeBytes: async () => {
      const [row] = await db.query<{ size: string }>(
        'select pg_database_size(current_database())::text as size',
      );
      return Number(row?.size ?? 0);
    },
    dispose: async () => {
      await db.close();
      if (keep) return;
      const again = await openDatabase(url, { migrate: false });
      try {
        await again.query(`drop database if exists ${name} with (force)`);
      } finally {
        await again.close();
      }
    },
  };
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    total += stat.isDirectory() ? directoryBytes(path) : stat.size;
  }
  return total;
}
