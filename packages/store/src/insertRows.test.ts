import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from './testing/testDatabases.js';
import { insertRows } from './insertRows.js';
import { packPrices, packs } from './schema/index.js';

describe.each(testDatabaseKinds())('insertRows on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.db.drizzle.insert(packs).values({
      id: 'PK-bulk',
      asOf: '2024-01-02',
      version: 1,
      sha256: 'x',
      priceCount: 10_000,
      fxCount: 0,
      macroCount: 0,
    });
  });
  afterAll(async () => t.dispose());

  it('inserts many rows in one statement, exactly, inside a transaction', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      'PK-bulk',
      `S${String(i).padStart(5, '0')}`,
      `${i}.0${i % 10}`,
      'USD',
      'offline',
      false,
      i % 7 === 0,
      '2024-01-02',
    ]);
    const columns = [
      'pack_id',
      'symbol',
      'close',
      'currency',
      'provider',
      'fallback_used',
      'carried_forward',
      'source_date',
    ];
    await t.db.drizzle.transaction(async (tx) => {
      expect(await insertRows(tx, 'pack_prices', columns, rows)).toBe(10_000);
    });
    const stored = await t.db.drizzle.select().from(packPrices).orderBy(asc(packPrices.symbol));
    expect(stored).toHaveLength(10_000);
    expect(stored[2_346]).toEqual({
      packId: 'PK-bulk',
      symbol: 'S02346',
      close: '2346.06',
      currency: 'USD',
      provider: 'offline',
      fallbackUsed: false,
      carriedForward: false,
      sourceDate: '2024-01-02',
    });
    expect(stored.filter((r) => r.carriedForward)).toHaveLength(Math.ceil(10_000 / 7));
    await expect(
      insertRows(t.db.drizzle, 'pack_prices', columns, [rows[0]!], sql` on conflict do nothing`),
    ).resolves.toBe(1);
  }, 120_000);

  it('round-trips awkward values: quotes, backslashes, commas, braces, NULL, bytea, jsonb', async () => {
    await t.db.query(
      'create table bulk_probe (t text, n numeric, b boolean, d date, x bytea, j jsonb, f double precision)',
    );
    const awkward = ['a "quoted", {braced} \\ back\\slash', 'NULL', '', 'ünïcode'];
    const rows = awkward.map((text, i) => [
      text,
      i === 1 ? null : `-${i}.25`,
      i % 2 === 0,
      '2024-02-29',
      new Uint8Array([0, 255, i]),
      { k: [i, text] },
      i / 3,
    ]);
    await insertRows(t.db.drizzle, 'bulk_probe', ['t', 'n', 'b', 'd', 'x', 'j', 'f'], rows);
    const stored = await t.db.query<Record<string, unknown>>(
      'select t, n, b, d::text as d, x, j, f from bulk_probe order by f',
    );
    expect(stored.map((r) => r['t'])).toEqual(awkward);
    expect(stored.map((r) => r['n'])).toEqual(['-0.25', null, '-2.25', '-3.25']);
    expect(stored.map((r) => r['b'])).toEqual([true, false, true, false]);
    expect(stored.map((r) => r['d'])).toEqual(Array(4).fill('2024-02-29'));
    expect(stored.map((r) => [...(r['x'] as Uint8Array)])).toEqual([
      [0, 255, 0],
      [0, 255, 1],
      [0, 255, 2],
      [0, 255, 3],
    ]);
    expect(stored.map((r) => r['j'])).toEqual(awkward.map((text, i) => ({ k: [i, text] })));
    expect(stored.map((r) => r['f'])).toEqual([0, 1 / 3, 2 / 3, 1]);
  });

  it('quotes identifiers: reserved words, capitals and embedded quotes name real columns', async () => {
    await t.db.query(
      'create table "window" ("window" text, "order" integer, "Mixed ""Quoted"" Name" boolean)',
    );
    const columns = ['window', 'order', 'Mixed "Quoted" Name'];
    await insertRows(t.db.drizzle, 'window', columns, [
      ['w1', 2, true],
      ['w2', 1, null],
    ]);
    expect(
      await t.db.query(
        'select "window", "order", "Mixed ""Quoted"" Name" as mixed from "window" order by "order"',
      ),
    ).toEqual([
      { window: 'w2', order: 1, mixed: null },
      { window: 'w1', order: 2, mixed: true },
    ]);
    // Quoted names are exact: the case-folded spelling is another (missing) column.
    await expect(
      insertRows(t.db.drizzle, 'window', ['mixed "quoted" name'], [[false]]),
    ).rejects.toThrow('insertRows: window has no column "mixed \\"quoted\\" name"');
  });

  it('rolls back with its transaction and rejects bad identifiers and ragged rows', async () => {
    await expect(
      t.db.drizzle.transaction(async (tx) => {
        await insertRows(
          tx,
          'pack_macro',
          [
            'pack_id',
            'series',
            'value',
            'provider',
            'fallback_used',
            'carried_forward',
            'source_date',
          ],
          [['PK-bulk', 'DGS10', '4.2', 'fred', false, false, '2024-01-02']],
        );
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await t.db.query('select * from pack_macro')).toEqual([]);
    // An injection attempt is only an odd (missing) table name once quoted.
    await expect(
      insertRows(t.db.drizzle, 'pack_prices; drop table packs; --', ['symbol'], [['x']]),
    ).rejects.toThrow('insertRows: no table "pack_prices; drop table packs; --" in the current');
    expect(await t.db.query('select id from packs')).toEqual([{ id: 'PK-bulk' }]);
    for (const bad of ['', 'nul\u0000byte', 'x'.repeat(64), 'é'.repeat(32)]) {
      await expect(insertRows(t.db.drizzle, 'pack_prices', [bad], [[1]])).rejects.toThrow(
        /bad identifier/,
      );
    }
    await expect(insertRows(t.db.drizzle, 'pack_fx', ['pack_id', 'base'], [['x']])).rejects.toThrow(
      /1 values for 2 columns/,
    );
  });
});
