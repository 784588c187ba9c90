import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, schema } from '@truth-spine/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTimeoutMs } from './dbTestSupport.js';
import { runRunner } from './testing/runnerProcess.js';

const header =
  'external_id,trade_date,settle_date,type,symbol,quantity,price,amount,currency,ex_date,pay_date,description';

/** Tomorrow's UTC date: a trade on it is in the future whenever the test runs. */
function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Garbage never gets in: each input no broker export could contain is refused through the
 * real command line (a child process), with exit 1 and a message naming file, line and
 * column, and afterwards the store holds nothing of it.
 */
describe('books commands refuse impossible input, writing nothing (child processes)', () => {
  let dir: string;
  let env: Record<string, string>;
  const runner = (...args: string[]) => runRunner(args, env);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-refused-'));
    env = { DATABASE_URL: `pglite://${join(dir, 'db')}`, LEDGER_DIR: join(dir, 'ledgers') };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    'refuses each bad row of a CSV import and of a ledger, and a security in XXX',
    async () => {
      expect((await runner('securities', 'add', 'AAPL', '--currency', 'USD')).code).toBe(0);
      expect(
        (
          await runner(
            ...['portfolios', 'add', 'P-T', '--base-currency', 'USD', '--benchmark', 'AAPL'],
            ...['--inception', '2023-01-03'],
          )
        ).code,
      ).toBe(0);

      const xxx = await runner('securities', 'add', 'ZZZ', '--currency', 'XXX');
      expect(xxx.code).toBe(1);
      expect(xxx.stderr).toContain(
        'security ZZZ: currency: must be an ISO 4217 currency code like USD (was "XXX")',
      );

      const future = tomorrow();
      const csv = join(dir, 'bad.csv');
      await writeFile(
        csv,
        [
          header,
          'T-1,2023-02-01,,deposit,,,,10000.00,USD,,,deposit',
          'T-2,2023-02-02,2023-02-06,buy,AAPL,5,150.00,-7500.00,USD,,,amount 10x',
          'T-3,2023-02-03,,deposit,,,,100.00,XXX,,,no currency',
          'T-4,2023-02-03,,buy,AAPL,5,150.00,-750.00,EUR,,,AAPL in EUR',
          `T-5,${future},,buy,AAPL,1,150.00,-150.00,USD,,,in the future`,
          'T-6,2023-02-08,2023-02-06,buy,AAPL,1,150.00,-150.00,USD,,,settles before the trade',
          'T-7,2023-02-09,,buy,TSLA,1,200.00,-200.00,USD,,,unknown security',
          'T-8,2023/02/10,,deposit,,,,1.00,USD,,,slashes',
          'T-9,2023-02-10,,deposit,,,,100.00,CHF,,,no CHF rates',
          '',
        ].join('\n'),
      );
      const imported = await runner('transactions', 'import', csv, '--portfolio', 'P-T');
      expect(imported.code).toBe(1);
      const lines = [
        'bad.csv:3: column 8 (amount): -7500.00 does not match −(quantity × price) = −(5 × 150.00) = -750.00 USD (allowed rounding 0.035; fees go in their own fee rows)',
        'bad.csv:4: column 9 (currency): must be an ISO 4217 currency code like USD (was "XXX")',
        'bad.csv:5: column 9 (currency): AAPL trades in USD, so its buy must be booked in USD, not EUR (convert cash with a pair of fx rows)',
        `bad.csv:6: column 2 (trade_date): ${future} is after today`,
        'bad.csv:7: column 3 (settle_date): 2023-02-06 is before the trade date 2023-02-08',
        'bad.csv:8: column 5 (symbol): TSLA is not a known security (add it first with: securities add TSLA --currency CCY)',
        'bad.csv:9: column 2 (trade_date): must be a date YYYY-MM-DD (was "2023/02/10")',
        "bad.csv:10: column 9 (currency): the market data has no CHFUSD or USDCHF rates, so CHF cannot be valued in the portfolio's base currency USD",
      ];
      for (const line of lines) expect(imported.stderr).toContain(line);

      await writeFile(
        join(dir, 'bad.beancount'),
        [
          '2023-01-03 open Assets:P-T:Cash:USD',
          '2023-01-03 open Assets:P-T:Cash:EUR',
          '2023-01-03 open Assets:P-T:Securities:AAPL',
          '2023-01-03 open Equity:P-T:Contributions',
          '',
          '2023-01-03 * "deposit"',
          '  Assets:P-T:Cash:EUR  1000.00 EUR',
          '  Equity:P-T:Contributions',
          '',
          '2023-01-04 * "buy AAPL in EUR"',
          '  Assets:P-T:Securities:AAPL  5 AAPL {150.00 EUR}',
          '  Assets:P-T:Cash:EUR  -750.00 EUR',
          '',
        ].join('\n'),
      );
      const ledger = await runner(
        ...['transactions', 'from-ledger', join(dir, 'bad.beancount'), '--portfolio', 'P-T'],
      );
      expect(ledger.code).toBe(1);
      expect(ledger.stderr).toMatch(
        /bad\.beancount:10: currency of the buy ledger-[0-9a-f]{16}: AAPL trades in USD, so its buy must be booked in USD, not EUR/,
      );

      const db = await openDatabase(env['DATABASE_URL'], { migrate: false });
      try {
        expect(await db.drizzle.select().from(schema.transactions)).toEqual([]);
        const symbols = await db.drizzle.select().from(schema.securities);
        expect(symbols.map((s) => s.symbol)).toEqual(['AAPL']);
      } finally {
        await db.close();
      }
    },
    dbTimeoutMs,
  );
});
