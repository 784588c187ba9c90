import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portfolios, securities, transactions } from '@truth-spine/store/schema';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { BooksError } from './booksError.js';
import { loadBooks } from './loadBooks.js';

const fixture = fileURLToPath(new URL('./__fixtures__/small-books', import.meta.url));

async function copyOfFixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'truth-spine-books-'));
  await cp(fixture, dir, { recursive: true });
  return dir;
}

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  await writeFile(join(dir, file), change(await readFile(join(dir, file), 'utf8')));
}

async function loadError(t: TestDatabase, dir: string): Promise<BooksError> {
  const error = await loadBooks(t.db, dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BooksError);
  return error as BooksError;
}

describe.each(testDatabaseKinds())('loadBooks on %s', (kind) => {
  let t: TestDatabase;
  const temporary: string[] = [];
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await t.dispose();
    for (const dir of temporary) await rm(dir, { recursive: true, force: true });
  });
  const scratch = async () => {
    const dir = await copyOfFixture();
    temporary.push(dir);
    return dir;
  };

  it('rejects invalid books with file, line and column, writing nothing', async () => {
    const dir = await scratch();
    await edit(dir, 'transactions/P-EUR-TEST.csv', (s) =>
      s
        .replace(
          'E-4,2023-02-02,2023-02-06,buy,TM,5,140.125,-700.63',
          'E-4,2023-02-30,2023-02-06,buy,TM,5,140.125,700.63',
        )
        .replace('2023-03-30,2023-05-26,TM ADR', '2023-03-30,,TM ADR')
        .replace('E-3,', 'E-2,'),
    );
    await edit(dir, 'securities.csv', (s) =>
      s.replace(
        'EFA,iShares MSCI EAFE ETF,USD,etf,US,,,',
        'EFA,iShares MSCI EAFE ETF,usd,etf,US,1,,',
      ),
    );
    const error = await loadError(t, dir);
    expect(error.problems).toEqual([
      {
        file: 'securities.csv',
        line: 4,
        column: 'column 3 (currency)',
        message: 'must be an ISO 4217 currency code like USD (was "usd")',
      },
      {
        file: 'portfolios.json',
        line: null,
        column: 'portfolios[1].benchmark',
        message: 'EFA is not a known security (add it to securities.csv)',
      },
      {
        file: 'transactions/P-EUR-TEST.csv',
        line: 4,
        column: 'column 1 (external_id)',
        message: 'E-2 repeats line 3',
      },
      {
        file: 'transactions/P-EUR-TEST.csv',
        line: 5,
        column: 'column 2 (trade_date)',
        message: expect.stringContaining('must be a real date'),
      },
      {
        file: 'transactions/P-EUR-TEST.csv',
        line: 6,
        column: 'column 11 (pay_date)',
        message: 'is required for a dividend',
      },
    ]);
    expect(error.message).toContain(
      'transactions/P-EUR-TEST.csv:6: column 11 (pay_date): is required for a dividend',
    );
    expect(await t.db.drizzle.select().from(portfolios)).toEqual([]);
    expect(await t.db.drizzle.select().from(securities)).toEqual([]);
  });

  it('checks signs, ADR fields, headers and references', async () => {
    const dir = await scratch();
    await edit(dir, 'transactions/P-USD-TEST.csv', (s) =>
      s
        .replace('-1263.60,USD', '1263.60,USD')
        .replace('fee,,,,-1.50', 'fee,MSFT,,,-1.50')
        .replace('buy,AAPL,10,126.36', 'buy,NVDA,10,126.36'),
    );
    await edit(dir, 'securities.csv', (s) =>
      s.replace(
        'TM,"Toyota Motor Corp, ADR",USD,adr,JP,0.1,7203.T,JPY',
        'TM,Toyota,USD,adr,JP,,7203.T,JPY',
      ),
    );
    await edit(dir, 'transactions/P-EUR-TEST.csv', (s) => s.replace('external_id,', 'id,'));
    const messages = (await loadError(t, dir)).problems.map(
      (p) => `${p.file}:${p.line}: ${p.column}: ${p.message}`,
    );
    expect(messages).toEqual([
      'securities.csv:5: column 6 (adr_ratio): is required for an ADR',
      'transactions/P-USD-TEST.csv:3: column 8 (amount): must be negative (cash paid) for a buy (was 1263.60)',
      'transactions/P-USD-TEST.csv:3: column 5 (symbol): NVDA is not a known security (add it to securities.csv)',
      expect.stringMatching(
        /^transactions\/P-EUR-TEST.csv:1: null: header must be external_id,trade_date/,
      ),
    ]);
  });

  it('reports broken JSON with its line and column', async () => {
    const dir = await scratch();
    await edit(dir, 'portfolios.json', (s) =>
      s.replace('"name": "US test portfolio",', '"name": "US test portfolio"'),
    );
    const [problem] = (await loadError(t, dir)).problems;
    expect(problem).toMatchObject({ file: 'portfolios.json', line: 6, column: 'column 7' });
  });

  it('loads valid books exactly, and re-loading changes nothing', async () => {
    const first = await loadBooks(t.db, fixture);
    expect(first).toEqual({
      portfolios: 2,
      securities: 4,
      transactions: 9,
      removedTransactions: 0,
    });
    const before = await t.db.drizzle.select().from(transactions).orderBy(asc(transactions.id));
    expect(before).toHaveLength(9);
    const second = await loadBooks(t.db, fixture);
    expect(second).toEqual(first);
    expect(await t.db.drizzle.select().from(transactions).orderBy(asc(transactions.id))).toEqual(
      before,
    );

    const [tm] = await t.db.drizzle.select().from(securities).where(eq(securities.symbol, 'TM'));
    expect(tm).toEqual({
      symbol: 'TM',
      name: 'Toyota Motor Corp, ADR',
      currency: 'USD',
      kind: 'adr',
      country: 'JP',
      adrRatio: '0.1',
      underlying: '7203.T',
      underlyingCurrency: 'JPY',
    });
    const [p] = await t.db.drizzle.select().from(portfolios).where(eq(portfolios.id, 'P-EUR-TEST'));
    expect(p).toEqual({
      id: 'P-EUR-TEST',
      name: 'Euro test portfolio',
      baseCurrency: 'EUR',
      benchmark: 'EFA',
      inception: '2023-02-01',
      archivedAt: null,
    });
    const dividend = before.find((r) => r.externalId === 'U-3');
    expect(dividend).toMatchObject({
      portfolioId: 'P-USD-TEST',
      type: 'dividend',
      amount: '2.30',
      exDate: '2023-02-10',
      payDate: '2023-02-16',
      quantity: null,
      description: 'AAPL dividend, 0.23 per share',
    });
    expect(before.find((r) => r.externalId === 'E-4')).toMatchObject({
      quantity: '5',
      price: '140.125',
      amount: '-700.63',
    });
  });

  it('updates changed rows in place and removes transactions taken out of the files', async () => {
    const dir = await scratch();
    await edit(dir, 'transactions/P-USD-TEST.csv', (s) =>
      s.replace(/U-4,.*\n/, '').replace('10000.00,USD', '12000.00,USD'),
    );
    const ids = await t.db.drizzle
      .select({ id: transactions.id, ext: transactions.externalId })
      .from(transactions);
    const result = await loadBooks(t.db, dir);
    expect(result).toEqual({
      portfolios: 2,
      securities: 4,
      transactions: 8,
      removedTransactions: 1,
    });
    const rows = await t.db.drizzle
      .select()
      .from(transactions)
      .where(eq(transactions.portfolioId, 'P-USD-TEST'));
    expect(rows.map((r) => r.externalId).sort()).toEqual(['U-1', 'U-2', 'U-3']);
    const deposit = rows.find((r) => r.externalId === 'U-1');
    expect(deposit?.amount).toBe('12000.00');
    expect(deposit?.id).toBe(ids.find((r) => r.ext === 'U-1')?.id);
  });

  it('rolls back everything when the database refuses a row half way', async () => {
    await t.db.query(`create function reject_e5() returns trigger language plpgsql as $$
      begin if new.external_id = 'E-5' then raise exception 'test: refusing E-5'; end if; return new; end $$`);
    await t.db.query(
      'create trigger reject_e5 before insert or update on transactions for each row execute function reject_e5()',
    );
    try {
      const dir = await scratch();
      await edit(dir, 'securities.csv', (s) => s.replace('Apple Inc.', 'Apple Inc. (renamed)'));
      await edit(dir, 'portfolios.json', (s) => s.replace('US test portfolio', 'renamed'));
      await expect(loadBooks(t.db, dir)).rejects.toThrow();
      const [aapl] = await t.db.drizzle
        .select()
        .from(securities)
        .where(eq(securities.symbol, 'AAPL'));
      expect(aapl?.name).toBe('Apple Inc.');
      const [usd] = await t.db.drizzle
        .select()
        .from(portfolios)
        .where(eq(portfolios.id, 'P-USD-TEST'));
      expect(usd?.name).toBe('US test portfolio');
    } finally {
      await t.db.query('drop trigger reject_e5 on transactions');
    }
  });
});
