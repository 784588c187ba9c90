import { openDatabase, schema } from '@truth-spine/store';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { dbTimeoutMs, recordingIo } from './dbTestSupport.js';
import { portfoliosCommand } from './portfolios.js';
import { securitiesCommand } from './securities.js';

const commands = [portfoliosCommand, securitiesCommand];
const iso = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z';

describe.each(testDatabaseKinds())('portfolios remove --force / restore on %s', (kind) => {
  let t: TestDatabase;
  const run = async (...args: string[]) => {
    const io = recordingIo({ DATABASE_URL: t.url });
    const code = await runCli(args, io, commands);
    return { code, out: io.out(), err: io.err() };
  };
  const json = async (...args: string[]) => {
    const result = await run(...args, '--json');
    expect(result.err).toBe('');
    return { ...result, doc: JSON.parse(result.out) as Record<string, unknown> };
  };
  const ids = async (...flags: string[]) =>
    ((await json('portfolios', 'list', ...flags)).doc['portfolios'] as { id: string }[]).map(
      (p) => p.id,
    );
  /** Stored valuations of P-A: the historical result that must never go away. */
  const valuations = async () => {
    const db = await openDatabase(t.url);
    try {
      return await db.drizzle.select().from(schema.valuations);
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    t = await openTestDatabase(kind, process.env, { onDisk: true });
    await t.db.close();
    expect((await run('securities', 'add', 'SPY', '--currency', 'USD', '--kind', 'etf')).code).toBe(
      0,
    );
    for (const id of ['P-A', 'P-B']) {
      const added = await run(
        'portfolios',
        'add',
        id,
        '--base-currency',
        'USD',
        '--benchmark',
        'SPY',
        '--inception',
        '2023-06-01',
      );
      expect(added.code).toBe(0);
    }
    const db = await openDatabase(t.url);
    try {
      await db.drizzle.insert(schema.packs).values({
        id: 'PK-1',
        asOf: '2023-06-30',
        version: 1,
        sha256: 'x',
        priceCount: 0,
        fxCount: 0,
        macroCount: 0,
      });
      await db.drizzle.insert(schema.valuations).values({
        packId: 'PK-1',
        portfolioId: 'P-A',
        asOf: '2023-06-30',
        baseCurrency: 'USD',
        marketValue: '1',
        securitiesValue: '0',
        cashValue: '1',
        positions: 0,
      });
    } finally {
      await db.close();
    }
  }, dbTimeoutMs);
  afterAll(() => t?.dispose());

  it(
    'remove without --force refuses a portfolio with results, naming the tables and --force',
    async () => {
      const refused = await run('portfolios', 'remove', 'P-A');
      expect(refused.code).toBe(1);
      expect(refused.err).toBe(
        'portfolios: portfolio P-A has stored results (valuations: 1) that are never deleted; ' +
          'archive it instead with: portfolios remove P-A --force (later nights leave it out; ' +
          'its books and results stay readable)\n',
      );
      expect(await ids()).toEqual(['P-A', 'P-B']);
      expect(await valuations()).toHaveLength(1);
    },
    dbTimeoutMs,
  );

  it(
    'remove --force archives it: kept rows printed, list hides it unless --all',
    async () => {
      const archived = await run('portfolios', 'remove', 'P-A', '--force');
      expect(archived.code).toBe(0);
      expect(archived.out).toMatch(
        new RegExp(
          `^archived portfolio P-A \\(${iso}\\): later nights leave it out\\n` +
            'kept: transactions 0, valuations 1\\n' +
            'bring it back with: portfolios restore P-A\\n$',
        ),
      );
      expect(await ids()).toEqual(['P-B']);
      const all = (await json('portfolios', 'list', '--all')).doc['portfolios'] as {
        id: string;
        archivedAt: string | null;
      }[];
      expect(all.map((p) => [p.id, p.archivedAt === null])).toEqual([
        ['P-A', false],
        ['P-B', true],
      ]);
      expect(all[0]?.archivedAt).toMatch(new RegExp(`^${iso}$`));
      const text = await run('portfolios', 'list', '--all');
      expect(text.out.split('\n')[0]).toBe(
        `P-A  USD  benchmark SPY  since 2023-06-01  0 transaction(s)  P-A  archived ${all[0]?.archivedAt}`,
      );
      const again = await json('portfolios', 'remove', 'P-A', '--force');
      expect(again.doc).toEqual({
        archived: 'P-A',
        archivedAt: all[0]?.archivedAt,
        alreadyArchived: true,
        kept: { transactions: 0, valuations: 1 },
      });
      expect(await valuations()).toHaveLength(1);
    },
    dbTimeoutMs,
  );

  it(
    'add of the archived id is refused naming restore; restore brings it back',
    async () => {
      const readd = await json(
        'portfolios',
        'add',
        'P-A',
        '--base-currency',
        'USD',
        '--benchmark',
        'SPY',
      );
      expect(readd.code).toBe(1);
      expect(readd.doc).toMatchObject({ error: { code: 'portfolio_archived' } });
      expect((readd.doc['error'] as { message: string }).message).toContain(
        'bring it back with: portfolios restore P-A',
      );
      const restored = await run('portfolios', 'restore', 'P-A');
      expect(restored.code).toBe(0);
      expect(restored.out).toMatch(
        new RegExp(
          `^restored portfolio P-A \\(archived ${iso}\\): the next night includes it again\\n$`,
        ),
      );
      expect(await ids()).toEqual(['P-A', 'P-B']);
      const twice = await run('portfolios', 'restore', 'P-A');
      expect(twice).toMatchObject({ code: 1, err: 'portfolios: portfolio P-A is not archived\n' });
    },
    dbTimeoutMs,
  );

  it(
    'remove (even with --force) really deletes a portfolio nothing references',
    async () => {
      const removed = await run('portfolios', 'remove', 'P-B', '--force');
      expect(removed).toMatchObject({
        code: 0,
        out: 'removed portfolio P-B and its 0 transaction(s)\n',
      });
      expect(await ids('--all')).toEqual(['P-A']);
      const unknown = await run('portfolios', 'restore', 'P-B');
      expect(unknown).toMatchObject({ code: 1, err: 'portfolios: portfolio P-B does not exist\n' });
      expect((await run('portfolios', 'restore')).code).toBe(64);
      expect(await valuations()).toHaveLength(1);
    },
    dbTimeoutMs,
  );
});
