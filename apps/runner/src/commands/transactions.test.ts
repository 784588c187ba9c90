import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledDemoDir } from '@truth-spine/orchestrator';
import { openDatabase, schema } from '@truth-spine/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { dbTimeoutMs, recordingIo } from './dbTestSupport.js';
import { portfoliosCommand } from './portfolios.js';
import { securitiesCommand } from './securities.js';
import { transactionsCommand } from './transactions.js';

const commands = [portfoliosCommand, securitiesCommand, transactionsCommand];
const header =
  'external_id,trade_date,settle_date,type,symbol,quantity,price,amount,currency,ex_date,pay_date,description';

describe('portfolios, securities and transactions commands on PGlite', () => {
  let dir: string;
  let env: Record<string, string>;
  const run = async (...args: string[]) => {
    const io = recordingIo(env, dir);
    const code = await runCli(args, io, commands);
    return { code, out: io.out(), err: io.err() };
  };
  const json = async (...args: string[]) => {
    const result = await run(...args, '--json');
    expect(result.err).toBe('');
    return { ...result, doc: JSON.parse(result.out) as Record<string, unknown> };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-books-cli-'));
    env = { DATABASE_URL: `pglite://${join(dir, 'db')}`, LEDGER_DIR: join(dir, 'ledgers') };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits 64 on bad usage', async () => {
    expect((await run('portfolios', 'add', 'P-X')).code).toBe(64);
    expect((await run('securities', 'add', 'AAPL', '--currency', 'USD', '--bogus', '1')).code).toBe(
      64,
    );
    const missing = await run('transactions', 'import', 'x.csv');
    expect(missing.code).toBe(64);
    expect(missing.err).toContain('--portfolio is required');
  });

  it(
    'adds and lists securities, refusing an ADR without its ratio',
    async () => {
      expect(
        (await run('securities', 'add', 'SPY', '--currency', 'USD', '--kind', 'etf')).code,
      ).toBe(0);
      expect(
        (await run('securities', 'add', 'KO', '--currency', 'USD', '--country', 'US')).code,
      ).toBe(0);
      const adr = await json(
        'securities',
        'add',
        'TM',
        '--currency',
        'USD',
        '--kind',
        'adr',
        '--underlying',
        '7203.T',
        '--underlying-currency',
        'JPY',
      );
      expect(adr.code).toBe(1);
      expect(adr.doc).toEqual({
        error: {
          code: 'invalid_field',
          message: 'security TM: adr_ratio: is required for an ADR',
          problems: [],
        },
      });
      const again = await run('securities', 'add', 'KO', '--currency', 'USD');
      expect(again).toMatchObject({ code: 1, err: 'securities: security KO already exists\n' });
      const list = await json('securities', 'list');
      expect((list.doc['securities'] as { symbol: string }[]).map((s) => s.symbol)).toEqual([
        'KO',
        'SPY',
      ]);
    },
    dbTimeoutMs,
  );

  it(
    'adds a portfolio with its ledger copied to LEDGER_DIR, and lists it',
    async () => {
      const ledger = join(dir, 'mine.beancount');
      await writeFile(ledger, '2023-01-01 open Assets:P-MINE:Cash:USD USD\n');
      const added = await json(
        'portfolios',
        'add',
        'P-MINE',
        '--base-currency',
        'USD',
        '--benchmark',
        'SPY',
        '--inception',
        '2023-06-01',
        '--ledger',
        ledger,
      );
      expect(added.code).toBe(0);
      expect(await readFile(join(dir, 'ledgers', 'P-MINE.beancount'), 'utf8')).toBe(
        await readFile(ledger, 'utf8'),
      );
      const unknownBenchmark = await run(
        'portfolios',
        'add',
        'P-B',
        '--base-currency',
        'USD',
        '--benchmark',
        'QQQ',
      );
      expect(unknownBenchmark.code).toBe(1);
      expect(unknownBenchmark.err).toContain('benchmark QQQ is not a security');
      const list = await json('portfolios', 'list');
      expect(list.doc['portfolios']).toEqual([
        {
          id: 'P-MINE',
          name: 'P-MINE',
          baseCurrency: 'USD',
          benchmark: 'SPY',
          inception: '2023-06-01',
          transactions: 0,
          archivedAt: null,
        },
      ]);
    },
    dbTimeoutMs,
  );

  it(
    'imports a CSV: invalid rows name line and column and write nothing; dry run; re-import changes nothing',
    async () => {
      const rows = [
        header,
        'M-1,2023-05-02,,deposit,,,,10000.00,USD,,,deposit',
        'M-2,2023-05-03,2023-05-05,buy,KO,100,60.10,-6010.00,USD,,,buy KO',
        'M-3,2023-06-15,,dividend,KO,,,46.00,USD,2023-06-01,2023-06-15,KO dividend',
      ];
      const bad = join(dir, 'bad.csv');
      await writeFile(
        bad,
        [...rows.slice(0, 3), rows[3]?.replace('2023-06-15,KO', ',KO')].join('\n'),
      );
      const refused = await run('transactions', 'import', 'bad.csv', '--portfolio', 'P-MINE');
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('bad.csv:4: column 11 (pay_date): is required for a dividend');
      const good = join(dir, 'good.csv');
      await writeFile(good, rows.join('\n'));
      const dry = await json('transactions', 'import', good, '--portfolio', 'P-MINE', '--dry-run');
      expect(dry.doc).toMatchObject({ dryRun: true, added: ['M-1', 'M-2', 'M-3'], changed: [] });
      // Without --json the dry run lists the rows it would add, in aligned columns.
      const dryText = await run(
        'transactions',
        'import',
        good,
        '--portfolio',
        'P-MINE',
        '--dry-run',
      );
      expect(dryText.out).toBe(
        [
          `${good} → P-MINE: would add 3, would change 0, unchanged 0 (dry run: nothing written)`,
          '  + M-1  2023-05-02  deposit                   10000.00  USD',
          '  + M-2  2023-05-03  buy       KO  100  60.10  -6010.00  USD',
          '  + M-3  2023-06-15  dividend  KO                 46.00  USD',
          '  inception would move back to 2023-05-02',
          '',
        ].join('\n'),
      );
      expect((await json('portfolios', 'list')).doc['portfolios']).toMatchObject([
        { transactions: 0 },
      ]);
      const done = await run('transactions', 'import', good, '--portfolio', 'P-MINE');
      expect(done.code).toBe(0);
      expect(done.out).toBe(
        `${good} → P-MINE: added 3, changed 0, unchanged 0\n  inception moved back to 2023-05-02\n`,
      );
      const again = await json('transactions', 'import', good, '--portfolio', 'P-MINE');
      expect(again.doc).toMatchObject({ added: [], changed: [], unchanged: ['M-1', 'M-2', 'M-3'] });
      expect((await json('portfolios', 'list')).doc['portfolios']).toMatchObject([
        { inception: '2023-05-02', transactions: 3 },
      ]);
    },
    dbTimeoutMs,
  );

  it(
    'bootstraps books from a demo ledger, reporting what it mapped',
    async () => {
      for (const s of ['JNJ', 'PG', 'AGG'])
        expect((await run('securities', 'add', s, '--currency', 'USD')).code).toBe(0);
      expect(
        (
          await run(
            'portfolios',
            'add',
            'P-USD-INCOME',
            '--base-currency',
            'USD',
            '--benchmark',
            'SPY',
          )
        ).code,
      ).toBe(0);
      const ledger = join(bundledDemoDir, 'ledgers', 'P-USD-INCOME.beancount');
      const csv = await readFile(join(bundledDemoDir, 'transactions', 'P-USD-INCOME.csv'), 'utf8');
      const demoRows = csv.trim().split('\n').length - 1;
      const result = await json(
        'transactions',
        'from-ledger',
        ledger,
        '--portfolio',
        'P-USD-INCOME',
      );
      expect(result.code).toBe(0);
      expect((result.doc['added'] as string[]).length).toBe(demoRows);
      expect(result.doc['skipped']).toEqual([]);
      const text = await run(
        'transactions',
        'from-ledger',
        ledger,
        '--portfolio',
        'P-USD-INCOME',
        '--dry-run',
      );
      expect(text.out).toContain(
        `would add 0, would change 0, unchanged ${demoRows} (dry run: nothing written)`,
      );
      expect(text.out).toMatch(/mapped: deposit \d+, buy \d+, fee \d+/);
    },
    dbTimeoutMs,
  );

  it(
    'removes a portfolio only while no stored result references it',
    async () => {
      const db = await openDatabase(env.DATABASE_URL ?? '', { cwd: dir });
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
          portfolioId: 'P-MINE',
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
      const refused = await json('portfolios', 'remove', 'P-MINE');
      expect(refused.code).toBe(1);
      expect(refused.doc).toMatchObject({ error: { code: 'portfolio_in_use' } });
      expect((refused.doc['error'] as { message: string }).message).toContain('valuations: 1');
      const removed = await run('portfolios', 'remove', 'P-USD-INCOME');
      expect(removed.code).toBe(0);
      expect(removed.out).toMatch(
        /^removed portfolio P-USD-INCOME and its \d+ transaction\(s\)\n$/,
      );
      const left = await json('portfolios', 'list');
      expect((left.doc['portfolios'] as { id: string }[]).map((p) => p.id)).toEqual(['P-MINE']);
    },
    dbTimeoutMs,
  );
});
