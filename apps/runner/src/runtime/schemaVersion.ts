import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder, type Database } from '@truth-spine/store';

/** The store was migrated by a newer release than this code: running it could corrupt data. */
export class SchemaNewerThanCodeError extends Error {
  readonly code = 'schema_newer_than_code' as const;
  constructor(
    readonly unknownMigrations: readonly { readonly createdAt: number; readonly hash: string }[],
  ) {
    super(
      `the database has ${unknownMigrations.length} migration(s) this release does not know ` +
        `(created at ${unknownMigrations.map((m) => new Date(m.createdAt).toISOString()).join(', ')}); ` +
        'it was upgraded by a newer release — run that release, or restore a backup taken before the upgrade',
    );
    this.name = 'SchemaNewerThanCodeError';
  }
}

/** The `when` stamps of the migrations shipped with the code (drizzle's journal). */
export function knownMigrationStamps(folder: string = migrationsFolder): Set<number> {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: readonly { when: number }[];
  };
  return new Set(journal.entries.map((entry) => entry.when));
}

/**
 * Refuses a store that records a migration the code does not ship (drizzle's
 * `drizzle.__drizzle_migrations.created_at` is the journal's `when` of each applied
 * migration): throws {@link SchemaNewerThanCodeError}. A store that is older or current
 * passes (the caller then migrates it under the migrations lock); a fresh one passes.
 */
export async function assertSchemaNotNewer(
  db: Database,
  known: ReadonlySet<number> = knownMigrationStamps(),
): Promise<void> {
  const [table] = await db.query<{ present: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as present",
  );
  if (table?.present !== true) return;
  const applied = await db.query<{ created_at: string | number; hash: string }>(
    'select created_at, hash from drizzle.__drizzle_migrations order by created_at',
  );
  const unknown = applied
    .map((row) => ({ createdAt: Number(row.created_at), hash: row.hash }))
    .filter((row) => !known.has(row.createdAt));
  if (unknown.length > 0) throw new SchemaNewerThanCodeError(unknown);
}
