import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portfolios, transactions } from '@truth-spine/store/schema';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { BooksEditError } from './booksEditError.js';
import { BooksError } from './booksError.js';
import { importTransactions } from './importTransactions.js';
import { addPortfolio, restorePortfolio } from './portfolioRecords.js';
import { addSecurity } from './securityRecords.js';

const header =
  'external_id,trade_date,settle_date,type,symbol,quantity,price,amount,currency,ex_date,pay_date,description';
/** A EUR portfolio: deposit, FX into USD, a buy of a USD security, a USD dividend with its FX pair. */
const valid = [
  header,
  'T-1,2023-02-01,,deposit,,,,5000.00,EUR,,,first deposit',
  'T-2,2023-02-01,,fx,,,,-1000.00,EUR,,,EUR to USD',
  'T-3,2023-02-01,,fx,,,,1086.50,USD,,,EUR to USD',
  'T-4,2023-02-02,2023-02-06,buy,AAPL,5,150.25,-751.25,USD,,,buy 5 AAPL',
  'T-5,2023-05-18,,dividend,AAPL,,,1.20,USD,2023-05-12,2023-05-18,AAPL dividend',
].join('\n');

describe.each(testDatabaseKinds())('importTransactions on %s', (kind) => {
  let t: TestDatabase;
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    return writeFile(path, `${text}\n`).then(() => path);
  };
  const stored = () =>
    t.db.drizzle.select().from(transactions).orderBy(asc(transactions.externalId));

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-import-'));
    const blank = { country: '', adr_ratio: '', underlying: '', underlying_currency: '' };
    await addSecurity(t.db, {
      ...blank,
      symbol: 'AAPL',
      name: 'Apple',
      currency: 'USD',
      kind: 'equity',
    });
    await addSecurity(t.db, {
      ...blank,
      symbol: 'EFA',
      name: 'EAFE',
      currency: 'USD',
      kind: 'etf',
    });
    await addPortfolio(t.db, {
      id: 'P-MINE',
      name: 'mine',
      baseCurrency: 'EUR',
      benchmark: 'EFA',
      inception: '2023-03-01',
    });
  });
  afterAll(async () => {
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects each malformed row with its line and column and writes nothing', async () => {
    const broken = valid
      .replace('T-2,2023-02-01,', 'T-2,2023-02-30,')
      .replace('buy,AAPL,5,150.25', 'buy,AAPL,-5,150.25')
      .replace('2023-05-12,2023-05-18,', '2023-05-12,,')
      .concat('\nT-6,2023-06-01,,buy,NVDA,1,400,-400.00,USD,,,unknown symbol');
    const path = await file('broken.csv', broken);
    const error = await importTransactions(t.db, {
      portfolioId: 'P-MINE',
      file: path,
      dryRun: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BooksError);
    const where = (error as BooksError).problems.map((p) => [p.file, p.line, p.column]);
    expect(where).toEqual([
      ['broken.csv', 3, 'column 2 (trade_date)'],
      ['broken.csv', 5, 'column 6 (quantity)'],
      ['broken.csv', 6, 'column 11 (pay_date)'],
      ['broken.csv', 7, 'column 5 (symbol)'],
    ]);
    expect((error as BooksError).problems[1]?.message).toBe('must be positive for a buy (was -5)');
    expect((error as BooksError).problems[3]?.message).toBe(
      'NVDA is not a known security (add it first with: securities add NVDA --currency CCY)',
    );
    expect(await stored()).toEqual([]);
  });

  it('a dry run reports what would be added and writes nothing', async () => {
    const path = await file('valid.csv', valid);
    const report = await importTransactions(t.db, {
      portfolioId: 'P-MINE',
      file: path,
      dryRun: true,
    });
    expect(report.added).toEqual(['T-1', 'T-2', 'T-3', 'T-4', 'T-5']);
    expect(report.inceptionMovedTo).toBe('2023-02-01');
    expect(await stored()).toEqual([]);
    const [p] = await t.db.drizzle.select().from(portfolios).where(eq(portfolios.id, 'P-MINE'));
    expect(p?.inception).toBe('2023-03-01');
  });

  it('imports once; re-importing changes nothing; a changed row is reported and replaced', async () => {
    const path = await file('valid.csv', valid);
    const first = await importTransactions(t.db, {
      portfolioId: 'P-MINE',
      file: path,
      dryRun: false,
    });
    expect(first.added).toHaveLength(5);
    const [p] = await t.db.drizzle.select().from(portfolios).where(eq(portfolios.id, 'P-MINE'));
    expect(p?.inception).toBe('2023-02-01');
    const rows = await stored();
    expect(rows.find((r) => r.externalId === 'T-4')).toMatchObject({
      type: 'buy',
      quantity: '5',
      price: '150.25',
      amount: '-751.25',
      settleDate: '2023-02-06',
    });

    const again = await importTransactions(t.db, {
      portfolioId: 'P-MINE',
      file: path,
      dryRun: false,
    });
    expect(again).toMatchObject({ added: [], changed: [], inceptionMovedTo: null });
    expect(again.unchanged).toHaveLength(5);
    expect(await stored()).toEqual(rows);

    const edited = await file(
      'edited.csv',
      valid.replace('5000.00,EUR', '5000,EUR').replace('1.20,USD', '1.25,USD'),
    );
    const preview = await importTransactions(t.db, {
      portfolioId: 'P-MINE',
      file: edited,
      dryRun: true,
    });
    expect(preview.changed).toEqual([{ externalId: 'T-5', fields: { amount: ['1.20', '1.25'] } }]);
    expect(await stored()).toEqual(rows);
    await importTransactions(t.db, { portfolioId: 'P-MINE', file: edited, dryRun: false });
    const after = await stored();
    expect(after.find((r) => r.externalId === 'T-5')?.amount).toBe('1.25');
    expect(after.find((r) => r.externalId === 'T-5')?.id).toBe(
      rows.find((r) => r.externalId === 'T-5')?.id,
    );
  });

  it('refuses an unknown portfolio', async () => {
    const path = await file('valid.csv', valid);
    const error = await importTransactions(t.db, {
      portfolioId: 'P-NONE',
      file: path,
      dryRun: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BooksEditError);
    expect((error as BooksEditError).code).toBe('unknown_portfolio');
  });

  it('refuses an archived portfolio naming restore, writes nothing, and imports again once restored', async () => {
    await addPortfolio(t.db, {
      id: 'P-OLD',
      name: 'old',
      baseCurrency: 'EUR',
      benchmark: 'EFA',
      inception: '2023-03-01',
    });
    // What `portfolios remove --force` does to a portfolio with stored results.
    await t.db.drizzle
      .update(portfolios)
      .set({ archivedAt: new Date('2024-01-02T03:04:05Z') })
      .where(eq(portfolios.id, 'P-OLD'));
    const path = await file('valid.csv', valid);
    const oldRows = async () =>
      (await stored()).filter((r) => r.portfolioId === 'P-OLD').map((r) => r.externalId);
    for (const dryRun of [true, false]) {
      const error = await importTransactions(t.db, {
        portfolioId: 'P-OLD',
        file: path,
        dryRun,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BooksEditError);
      expect((error as BooksEditError).code).toBe('portfolio_archived');
      expect((error as BooksEditError).message).toBe(
        'portfolio P-OLD is archived (since 2024-01-02T03:04:05.000Z) and takes no transactions; bring it back first with: portfolios restore P-OLD',
      );
    }
    expect(await oldRows()).toEqual([]);
    await restorePortfolio(t.db, 'P-OLD');
    const report = await importTransactions(t.db, {
      portfolioId: 'P-OLD',
      file: path,
      dryRun: false,
    });
    expect(report.added).toEqual(['T-1', 'T-2', 'T-3', 'T-4', 'T-5']);
    expect(await oldRows()).toEqual(['T-1', 'T-2', 'T-3', 'T-4', 'T-5']);
  });
});
