import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from './testing/testDatabases.js';
import { migrateDatabase } from './migrate.js';
import { executeRows } from './rows.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder } from './migrate.js';
import {
  marketCloses,
  marketFx,
  marketMacro,
  packFx,
  packMacro,
  packPrices,
  packs,
} from './schema/index.js';

/** How many migrations are checked in, from drizzle-kit's own journal. */
const checkedInMigrations = (
  JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

const provenance = {
  provider: 'offline',
  fallbackUsed: false,
  carriedForward: false,
  sourceDate: '2024-03-28',
};

describe.each(testDatabaseKinds())('store on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.db.drizzle.insert(packs).values({
      id: 'PK-2024-03-28-v1',
      asOf: '2024-03-28',
      version: 1,
      sha256: 'a'.repeat(64),
      priceCount: 1,
      fxCount: 1,
      macroCount: 1,
    });
    await t.db.drizzle.insert(packPrices).values({
      packId: 'PK-2024-03-28-v1',
      symbol: 'AAPL',
      close: '171.48',
      currency: 'USD',
      ...provenance,
    });
    await t.db.drizzle.insert(packFx).values({
      packId: 'PK-2024-03-28-v1',
      base: 'EUR',
      quote: 'USD',
      rate: '1.0811',
      ...provenance,
    });
    await t.db.drizzle
      .insert(packMacro)
      .values({ packId: 'PK-2024-03-28-v1', series: 'DGS10', value: '4.20', ...provenance });
    await t.db.drizzle.insert(marketCloses).values({
      symbol: 'AAPL',
      date: '2024-03-27',
      close: '173.31',
      currency: 'USD',
      provider: 'offline',
    });
    await t.db.drizzle.insert(marketFx).values({
      base: 'EUR',
      quote: 'USD',
      date: '2024-03-27',
      rate: '1.0823',
      provider: 'offline',
    });
    await t.db.drizzle
      .insert(marketMacro)
      .values({ series: 'DGS10', date: '2024-03-27', value: null, provider: 'offline' });
  });
  afterAll(async () => t.dispose());

  it('has applied every checked-in migration once; applying again is a no-op', async () => {
    expect(checkedInMigrations).toBeGreaterThanOrEqual(5);
    const again = await migrateDatabase(t.db);
    expect(again).toEqual({ applied: 0, total: checkedInMigrations });
    const [row] = await executeRows<{ n: number }>(
      t.db.drizzle,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(row?.n).toBe(checkedInMigrations);
  });

  it('returns numeric as the exact decimal string written', async () => {
    const [price] = await t.db.drizzle.select().from(packPrices);
    expect(price?.close).toBe('171.48');
    const [macro] = await t.db.drizzle.select().from(packMacro);
    expect(macro?.value).toBe('4.20');
  });

  it.each([
    ['UPDATE pack_prices', "update pack_prices set close = '1' where symbol = 'AAPL'"],
    ['DELETE pack_prices', "delete from pack_prices where symbol = 'AAPL'"],
    ['TRUNCATE pack_prices', 'truncate pack_prices cascade'],
    ['UPDATE pack_fx', "update pack_fx set rate = '2'"],
    ['DELETE pack_fx', 'delete from pack_fx'],
    ['UPDATE pack_macro', "update pack_macro set provider = 'fred'"],
    ['DELETE pack_macro', 'delete from pack_macro'],
    ['DELETE packs', 'delete from packs'],
    ['UPDATE packs.sha256', "update packs set sha256 = 'b'"],
    ['UPDATE packs.price_count', 'update packs set price_count = 2'],
    ['packs warming → warming with fresh_at', 'update packs set fresh_at = now()'],
    ['UPDATE market_closes', "update market_closes set close = '1'"],
    ['DELETE market_closes', 'delete from market_closes'],
    ['TRUNCATE market_closes', 'truncate market_closes'],
    ['UPDATE market_fx', "update market_fx set rate = '2'"],
    ['DELETE market_fx', 'delete from market_fx'],
    ['UPDATE market_macro', "update market_macro set value = '0'"],
    ['DELETE market_macro', 'delete from market_macro'],
  ])('the database rejects %s', async (_label, statement) => {
    await expect(t.db.query(statement)).rejects.toThrow(/immutable|cannot move|set once/);
    const [price] = await t.db.drizzle.select().from(packPrices);
    expect(price?.close).toBe('171.48');
    const [history] = await t.db.drizzle.select().from(marketCloses);
    expect(history?.close).toBe('173.31');
  });

  it('lets a pack move warming → fresh → superseded and no further', async () => {
    const id = 'PK-2024-03-28-v1';
    const freshAt = new Date('2024-03-29T00:20:00Z');
    await t.db.drizzle.update(packs).set({ status: 'fresh', freshAt }).where(eq(packs.id, id));
    await expect(
      t.db.query(`update packs set status = 'warming' where id = '${id}'`),
    ).rejects.toThrow(/cannot move from fresh to warming/);
    await expect(
      t.db.query(`update packs set fresh_at = now() where id = '${id}'`),
    ).rejects.toThrow(/set once/);
    await t.db.drizzle
      .update(packs)
      .set({ status: 'superseded', supersededBy: 'PK-2024-03-28-v2' })
      .where(eq(packs.id, id));
    const [pack] = await t.db.drizzle.select().from(packs).where(eq(packs.id, id));
    expect(pack).toMatchObject({ status: 'superseded', supersededBy: 'PK-2024-03-28-v2', freshAt });
    await expect(
      t.db.query(`update packs set status = 'fresh' where id = '${id}'`),
    ).rejects.toThrow(/cannot move from superseded to fresh/);
  });
});

describe.runIf(testDatabaseKinds().includes('postgres'))('migrations on PostgreSQL', () => {
  it('run once when two processes start together on an empty database', async () => {
    const t = await openTestDatabase('postgres');
    try {
      await t.db.query('drop schema drizzle cascade');
      await t.db.query('drop schema public cascade');
      await t.db.query('create schema public');
      const first = await t.openAnother({ migrate: false });
      const second = await t.openAnother({ migrate: false });
      const outcomes = await Promise.all([migrateDatabase(first), migrateDatabase(second)]);
      expect(outcomes.map((o) => o.applied).sort()).toEqual([0, checkedInMigrations]);
      expect(outcomes.every((o) => o.total === checkedInMigrations)).toBe(true);
    } finally {
      await t.dispose();
    }
  });
});
