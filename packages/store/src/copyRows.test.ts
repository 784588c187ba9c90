import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from './testing/testDatabases.js';
import { copyTargetOf } from './copyTarget.js';
import { COPY_MIN_ROWS, insertRows } from './insertRows.js';

const probeColumns = ['id', 't', 'n', 'i', 'g', 'f', 'b', 'd', 'ts', 'j', 'x'];
const probeTable = `(id integer primary key, t text, n numeric, i integer, g bigint,
  f double precision, b boolean, d date, ts timestamptz, j jsonb, x bytea)`;

const awkwardStrings = [
  '',
  'tab\there',
  'new\nline',
  'carriage\rreturn\r\n',
  'back\\slash \\N \\x41 \\\\',
  '\\N',
  'NULL',
  '"quoted", {braced}',
  'ünïcödé – 漢字 – 🎉',
  ' leading and trailing ',
];
const extremeDoubles = [5e-324, -5e-324, 1.7976931348623157e308, -1.7976931348623157e308, -0, 0];

/** COPY_MIN_ROWS + 100 rows cycling through awkward strings, extreme doubles and NULLs. */
function probeRows(): unknown[][] {
  return Array.from({ length: COPY_MIN_ROWS + 100 }, (_, id) => [
    id,
    id % 11 === 10 ? null : awkwardStrings[id % 10]!,
    id % 13 === 0 ? null : `${id % 2 === 0 ? '-' : ''}${id}.${String(id).padStart(4, '0')}`,
    id % 17 === 0 ? null : id * (id % 2 === 0 ? -1 : 1) * 3_000_000,
    id === 1 ? 9_007_199_254_740_993n : BigInt(id) * 1_000_000_007n,
    id % 19 === 18
      ? null
      : id >= 1 && id <= extremeDoubles.length
        ? extremeDoubles[id - 1]!
        : id / 7 - 11,
    id % 23 === 0 ? null : id % 3 === 0,
    `20${String(id % 100).padStart(2, '0')}-02-${String((id % 28) + 1).padStart(2, '0')}`,
    new Date(Date.UTC(2024, 0, 1) + id * 86_399_001),
    id % 29 === 0 ? null : { id, s: awkwardStrings[id % 10], nested: [null, true, id / 3] },
    id % 31 === 0 ? null : new Uint8Array([0, 92, 9, 10, 13, 255, id % 256]),
  ]);
}

const readBack = `select id, t, n::text as n, i, g::text as g, f, b, d::text as d,
  (extract(epoch from ts) * 1000)::float8 as ts, j, x from TABLE order by id`;

describe.each(testDatabaseKinds())('COPY writes on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.db.query(`create table copy_probe ${probeTable}`);
    await t.db.query(`create table unnest_probe ${probeTable}`);
  });
  afterAll(async () => t.dispose());

  it('finds the driver client under the handle and under a transaction', async () => {
    expect(copyTargetOf(t.db.drizzle)?.kind).toBe(kind);
    await t.db.drizzle.transaction(async (tx) => {
      expect(copyTargetOf(tx)?.kind).toBe(kind);
      await tx.transaction(async (savepoint) => expect(copyTargetOf(savepoint)?.kind).toBe(kind));
    });
  });

  it('stores the same values through COPY and through unnest: awkward text, extremes, bytea, jsonb', async () => {
    const rows = probeRows();
    await t.db.drizzle.transaction(async (tx) => {
      await insertRows(tx, 'copy_probe', probeColumns, rows);
      await insertRows(tx, 'unnest_probe', probeColumns, rows, sql` on conflict do nothing`);
    });
    const viaCopy = await t.db.query<Record<string, unknown>>(
      readBack.replace('TABLE', 'copy_probe'),
    );
    const viaUnnest = await t.db.query<Record<string, unknown>>(
      readBack.replace('TABLE', 'unnest_probe'),
    );
    expect(viaCopy).toHaveLength(rows.length);
    expect(viaCopy).toEqual(viaUnnest);
    // …and both are the values sent, checked column by column against the input.
    for (const [index, stored] of viaCopy.entries()) {
      const row = rows[index]!;
      expect(stored['t']).toBe(row[1]);
      expect(stored['n']).toBe(row[2]);
      expect(stored['i']).toBe(row[3]);
      expect(stored['g']).toBe(String(row[4]));
      expect(Object.is(stored['f'], row[5])).toBe(true);
      expect(stored['b']).toBe(row[6]);
      expect(stored['d']).toBe(row[7]);
      expect(stored['ts']).toBe((row[8] as Date).getTime());
      expect(stored['j']).toEqual(row[9]);
      expect(stored['x'] === null ? null : [...(stored['x'] as Uint8Array)]).toEqual(
        row[10] === null ? null : [...(row[10] as Uint8Array)],
      );
    }
    expect(viaCopy.slice(1, 7).map((r) => r['f'])).toEqual(extremeDoubles);
    expect(Object.is(viaCopy[5]!['f'], -0)).toBe(true);
  });

  it(`uses COPY from ${COPY_MIN_ROWS} rows without onConflict, unnest below`, async () => {
    // COPY does not apply rules, INSERT does: the rule's log shows which path ran.
    await t.db.query('create table path_probe (v integer)');
    await t.db.query('create table path_log (v integer)');
    await t.db.query(
      'create rule log_insert as on insert to path_probe do also insert into path_log values (new.v)',
    );
    const rows = (count: number) => Array.from({ length: count }, (_, v) => [v]);
    await insertRows(t.db.drizzle, 'path_probe', ['v'], rows(COPY_MIN_ROWS - 1));
    expect(await t.db.query('select count(*)::int as n from path_log')).toEqual([
      { n: COPY_MIN_ROWS - 1 },
    ]);
    await t.db.drizzle.transaction(async (tx) => {
      expect(await insertRows(tx, 'path_probe', ['v'], rows(COPY_MIN_ROWS))).toBe(COPY_MIN_ROWS);
    });
    expect(await t.db.query('select count(*)::int as n from path_log')).toEqual([
      { n: COPY_MIN_ROWS - 1 },
    ]);
    expect(await t.db.query('select count(*)::int as n from path_probe')).toEqual([
      { n: 2 * COPY_MIN_ROWS - 1 },
    ]);
  });
});

/** Fails the test with a clear message instead of hanging when `promise` never settles. */
async function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe.each(testDatabaseKinds())('a refused COPY on %s', (kind) => {
  let t: TestDatabase;
  const columns = ['id', 'label'];
  const rows = (from: number, count: number) =>
    Array.from({ length: count }, (_, k) => [from + k, `row ${from + k}`]);
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.db.query('create table strict_probe (id integer primary key, label text not null)');
    await t.db.query('create table side_effect (note text)');
  });
  afterAll(async () => t.dispose());

  it('rejects promptly on a duplicate key in the last row and rolls its transaction back', async () => {
    const duplicateLast = [...rows(0, COPY_MIN_ROWS), [0, 'again']];
    await expect(
      settlesWithin(
        t.db.drizzle.transaction(async (tx) => {
          await tx.execute(sql`insert into side_effect values ('before the copy')`);
          await insertRows(tx, 'strict_probe', columns, duplicateLast);
        }),
        10_000,
      ),
    ).rejects.toThrow(/duplicate key value violates unique constraint "strict_probe_pkey"/);
    expect(await t.db.query('select count(*)::int as n from strict_probe')).toEqual([{ n: 0 }]);
    expect(await t.db.query('select * from side_effect')).toEqual([]);
  });

  it('rejects promptly on a NULL in a NOT NULL column and on a bad value, outside a transaction', async () => {
    const nullLabel = [...rows(0, COPY_MIN_ROWS - 1), [COPY_MIN_ROWS, null]];
    await expect(
      settlesWithin(insertRows(t.db.drizzle, 'strict_probe', columns, nullLabel), 10_000),
    ).rejects.toThrow(/null value in column "label" .*violates not-null constraint/);
    const badId = [['not a number', 'x'], ...rows(1, COPY_MIN_ROWS)];
    await expect(
      settlesWithin(insertRows(t.db.drizzle, 'strict_probe', columns, badId), 10_000),
    ).rejects.toThrow(/invalid input syntax for type integer: "not a number"/);
    expect(await t.db.query('select count(*)::int as n from strict_probe')).toEqual([{ n: 0 }]);
  });

  it('rejects an early error in a long COPY, and leaves no connection stuck', async () => {
    const earlyDuplicate = [[1, 'a'], [1, 'b'], ...rows(2, 20_000)];
    // More failures than the pool has connections: a leaked connection would show up here.
    for (let attempt = 0; attempt < 12; attempt += 1) {
      await expect(
        settlesWithin(
          t.db.drizzle.transaction((tx) => insertRows(tx, 'strict_probe', columns, earlyDuplicate)),
          20_000,
        ),
      ).rejects.toThrow(/duplicate key value/);
    }
    await insertRows(t.db.drizzle, 'strict_probe', columns, rows(0, COPY_MIN_ROWS));
    expect(await t.db.query('select count(*)::int as n from strict_probe')).toEqual([
      { n: COPY_MIN_ROWS },
    ]);
    if (kind === 'postgres') {
      expect(
        await t.db.query(
          `select state from pg_stat_activity
           where datname = current_database() and state like 'idle in transaction%'`,
        ),
      ).toEqual([]);
    }
  }, 120_000);
});
