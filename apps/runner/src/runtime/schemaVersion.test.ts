import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder, type Database } from '@truth-spine/store';
import { describe, expect, it } from 'vitest';
import {
  assertSchemaNotNewer,
  knownMigrationStamps,
  SchemaNewerThanCodeError,
} from './schemaVersion.js';

/** A store whose only answers are drizzle's migrations table (or its absence). */
function storeWith(applied: readonly number[] | null): Database {
  return {
    query: async (text: string) =>
      text.includes('to_regclass')
        ? [{ present: applied !== null }]
        : (applied ?? []).map((createdAt, i) => ({ created_at: String(createdAt), hash: `h${i}` })),
  } as unknown as Database;
}

describe('assertSchemaNotNewer', () => {
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: { when: number }[];
  };
  const shipped = journal.entries.map((e) => e.when);

  it("knows every migration in the orchestrator's checked-in journal", () => {
    expect([...knownMigrationStamps()].sort()).toEqual([...shipped].sort());
    expect(shipped.length).toBeGreaterThan(0);
  });

  it('passes a fresh store, an older one and a current one', async () => {
    await expect(assertSchemaNotNewer(storeWith(null))).resolves.toBeUndefined();
    await expect(assertSchemaNotNewer(storeWith(shipped.slice(0, 1)))).resolves.toBeUndefined();
    await expect(assertSchemaNotNewer(storeWith(shipped))).resolves.toBeUndefined();
  });

  it('refuses a store migrated by a newer release, naming when', async () => {
    const newer = Math.max(...shipped) + 86_400_000;
    const error = await assertSchemaNotNewer(storeWith([...shipped, newer])).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SchemaNewerThanCodeError);
    expect((error as SchemaNewerThanCodeError).code).toBe('schema_newer_than_code');
    expect((error as SchemaNewerThanCodeError).unknownMigrations).toEqual([
      { createdAt: newer, hash: `h${shipped.length}` },
    ]);
    expect((error as Error).message).toContain(new Date(newer).toISOString());
  });
});
