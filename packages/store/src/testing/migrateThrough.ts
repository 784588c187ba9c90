import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from '../database.js';
import { migrationsFolder } from '../migrate.js';

/**
 * Applies the checked-in migrations up to and including `tag` (e.g.
 * `0010_reconciled_trading_lots`) and no further, so a test can write rows in the shape a
 * store of that version held, then `migrateDatabase` the rest and read them back — how a
 * data migration is tested. `db` must have been opened with `migrate: false`.
 */
export async function migrateThrough(db: Database, tag: string): Promise<void> {
  const journal = JSON.parse(
    await readFile(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  if (last < 0) throw new Error(`migrateThrough: no migration ${tag}`);
  const entries = journal.entries.slice(0, last + 1);
  const folder = await mkdtemp(join(tmpdir(), 'truth-spine-migrations-'));
  try {
    await mkdir(join(folder, 'meta'));
    await writeFile(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) {
      await copyFile(join(migrationsFolder, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
    }
    const migrate = db.kind === 'pglite' ? migratePglite : migratePostgres;
    await migrate(db.drizzle as never, { migrationsFolder: folder });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
