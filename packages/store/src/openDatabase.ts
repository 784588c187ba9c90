import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { AdvisoryLock, Database, Drizzle } from './database.js';
import { parseDatabaseUrl, redactDatabaseUrl } from './databaseUrl.js';
import { claimEmbeddedDirectory } from './embeddedDirectoryLock.js';
import { migrateDatabase } from './migrate.js';
import * as schema from './schema/index.js';

/** How to open the store. */
export interface OpenDatabaseOptions {
  /** Resolves relative PGlite paths (default `process.cwd()`). */
  readonly cwd?: string;
  /** Apply pending migrations before returning (default true). */
  readonly migrate?: boolean;
}

/**
 * Opens the store named by `url` (see {@link parseDatabaseUrl}: unset → PGlite in
 * `./.data`, `pglite://memory`, `pglite://PATH`, `postgres://…`) with the same drizzle
 * schema on both, and applies pending migrations unless `migrate: false`.
 */
export async function openDatabase(
  url?: string,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const location = parseDatabaseUrl(url, options.cwd ?? process.cwd());
  const db =
    location.kind === 'postgres' ? openPostgres(location.url) : await openPglite(location.dataDir);
  if (options.migrate ?? true) {
    try {
      await migrateDatabase(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}

async function openPglite(dataDir: string | null): Promise<Database> {
  const releaseDirectory = dataDir === null ? null : await claimEmbeddedDirectory(dataDir);
  let client: PGlite;
  try {
    client = dataDir === null ? await PGlite.create() : await PGlite.create(dataDir);
  } catch (error) {
    await releaseDirectory?.();
    throw error;
  }
  const heldKeys = new Set<bigint>();
  let closed = false;
  return {
    kind: 'pglite',
    description: dataDir === null ? 'pglite://memory' : `pglite://${dataDir}`,
    drizzle: drizzlePglite({ client, schema }) as unknown as Drizzle,
    query: async (text, params) => (await client.query(text, params)).rows as never,
    advisoryLock: async (key, { wait }) => {
      while (heldKeys.has(key)) {
        if (!wait) return null;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      heldKeys.add(key);
      return onceOnly(async () => {
        heldKeys.delete(key);
      });
    },
    checkpoint: async () => {
      await client.exec('CHECKPOINT');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      await releaseDirectory?.();
    },
  };
}

function openPostgres(url: string): Database {
  const options = { onnotice: () => undefined, connection: { application_name: 'truth-spine' } };
  const client = postgres(url, { ...options, max: 10 });
  let closed = false;
  return {
    kind: 'postgres',
    description: redactDatabaseUrl(url),
    drizzle: drizzlePostgres({ client, schema }) as unknown as Drizzle,
    query: async (text, params) => (await client.unsafe(text, params as never[])) as never,
    advisoryLock: async (key, { wait }) => {
      const dedicated = postgres(url, { ...options, max: 1 });
      try {
        if (wait) {
          await dedicated`select pg_advisory_lock(${key.toString()}::bigint)`;
        } else {
          const [row] = await dedicated<[{ locked: boolean }]>`
            select pg_try_advisory_lock(${key.toString()}::bigint) as locked`;
          if (row?.locked !== true) {
            await dedicated.end();
            return null;
          }
        }
      } catch (error) {
        await dedicated.end();
        throw error;
      }
      return onceOnly(async () => {
        try {
          await dedicated`select pg_advisory_unlock(${key.toString()}::bigint)`;
        } finally {
          await dedicated.end();
        }
      });
    },
    checkpoint: async () => undefined,
    close: async () => {
      if (closed) return;
      closed = true;
      await client.end();
    },
  };
}

function onceOnly(release: () => Promise<void>): AdvisoryLock {
  let released: Promise<void> | null = null;
  return { release: () => (released ??= release()) };
}
