import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from './migrate.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from './testing/testDatabases.js';

/** The statements of the migration that made ledger_states.state bytes, found by its name. */
function ledgerStateBytesStatements(): string[] {
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] };
  const tag = journal.entries.find((e) => e.tag.endsWith('_ledger_state_bytes'))!.tag;
  return readFileSync(join(migrationsFolder, `${tag}.sql`), 'utf8').split(
    '--> statement-breakpoint',
  );
}

describe.each(testDatabaseKinds())('the ledger_states bytes migration on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.dispose());

  it('turns a table of format-1 text states into an empty bytea column stored external', async () => {
    const column = () =>
      t.db.query<{ type: string; storage: string }>(
        `select format_type(atttypid, atttypmod) as type, attstorage as storage
           from pg_attribute where attrelid = 'ledger_states'::regclass and attname = 'state'`,
      );
    expect(await column()).toEqual([{ type: 'bytea', storage: 'e' }]);
    // the table as migration 0011 left it, with a state of the previous (text) format
    await t.db.query(`alter table ledger_states alter column state set data type text`);
    await t.db.query(`alter table ledger_states alter column state set storage extended`);
    await t.db.query(
      `insert into ledger_states (portfolio_id, ledger_digest, format_version, state, state_sha256, run_id)
       values ('P1', 'digest', 1, '{"format":1}', 'sha', 'run-1')`,
    );
    expect(await column()).toEqual([{ type: 'text', storage: 'x' }]);
    for (const statement of ledgerStateBytesStatements()) await t.db.query(statement);
    expect(await column()).toEqual([{ type: 'bytea', storage: 'e' }]);
    expect(await t.db.query('select portfolio_id from ledger_states')).toEqual([]);
  });
});
