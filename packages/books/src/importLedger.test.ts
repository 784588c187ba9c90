import { join } from 'node:path';
import Big from 'big.js';
import { and, asc, eq } from 'drizzle-orm';
import {
  ledgerPortfolio,
  loadLedgerFile,
  PriceHistory,
  reconcile,
  type PricingSnapshot,
} from '@truth-spine/ledger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDemoDir } from './testing/bundledDemoDir.js';
import { securities, transactions } from '@truth-spine/store/schema';
import { holdingsOnDate } from './holdingsOnDate.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { BooksEditError } from './booksEditError.js';
import { importLedger } from './importLedger.js';
import { addPortfolio } from './portfolioRecords.js';
import { readBooks } from './readBooks.js';

const id = 'P-EUR-GLOBAL';
const ledgerFile = join(bundledDemoDir, 'ledgers', `${id}.beancount`);
/** The demo data set's last day (data/demo/README.md). */
const asOf = '2024-03-08';

describe.each(testDatabaseKinds())('importLedger (from-ledger) on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.dispose());

  const stored = () =>
    t.db.drizzle
      .select()
      .from(transactions)
      .where(eq(transactions.portfolioId, id))
      .orderBy(asc(transactions.externalId));

  it('refuses a benchmark or traded securities that are not stored, naming them', async () => {
    const portfolio = {
      id,
      name: 'Global (EUR)',
      baseCurrency: 'EUR',
      benchmark: 'SPY',
      inception: '2019-01-02',
    };
    await expect(addPortfolio(t.db, portfolio)).rejects.toMatchObject({
      code: 'unknown_security',
    });
    const demo = await readBooks(bundledDemoDir);
    await t.db.drizzle.insert(securities).values(demo.securities.filter((s) => s.symbol === 'SPY'));
    await addPortfolio(t.db, portfolio);
    await expect(addPortfolio(t.db, portfolio)).rejects.toMatchObject({
      code: 'portfolio_exists',
    });
    const error = await importLedger(t.db, { portfolioId: id, ledgerFile, dryRun: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BooksEditError);
    expect((error as BooksEditError).message).toContain('securities ASML, EFA, MSFT, TTE');
    expect(await stored()).toEqual([]);
    await t.db.drizzle.insert(securities).values(demo.securities.filter((s) => s.symbol !== 'SPY'));
  });

  it('maps the demo ledger to exactly the demo books rows, and re-running changes nothing', async () => {
    const dry = await importLedger(t.db, { portfolioId: id, ledgerFile, dryRun: true });
    expect(await stored()).toEqual([]);
    const report = await importLedger(t.db, { portfolioId: id, ledgerFile, dryRun: false });
    expect(report.added).toEqual(dry.added);
    expect(report.skipped).toEqual([]);
    const demo = (await readBooks(bundledDemoDir)).transactions.filter((r) => r.portfolioId === id);
    const rows = await stored();
    // The demo generator wrote the CSV and the ledger independently from its own model;
    // a dividend's quantity (shares held) and a fee's symbol are informational and not in
    // the ledger's postings.
    const key = (r: {
      externalId: string;
      type: string;
      symbol: string | null;
      quantity: string | null;
      amount: string;
      currency: string;
      tradeDate: string;
      exDate: string | null;
      payDate: string | null;
    }) =>
      [
        r.externalId,
        r.tradeDate,
        r.type,
        r.type === 'fee' ? null : r.symbol,
        r.quantity === null || r.type === 'dividend' ? null : new Big(r.quantity).toFixed(),
        new Big(r.amount).toFixed(),
        r.currency,
        r.exDate,
        r.payDate,
      ].join('|');
    expect(rows.map(key).sort()).toEqual(demo.map(key).sort());
    expect(new Set(rows.map((r) => r.type))).toEqual(
      new Set(['deposit', 'withdrawal', 'fx', 'buy', 'sell', 'fee', 'dividend', 'interest']),
    );

    const again = await importLedger(t.db, { portfolioId: id, ledgerFile, dryRun: false });
    expect(again.added).toEqual([]);
    expect(again.changed).toEqual([]);
    expect(await stored()).toEqual(rows);
  });

  it('the imported books reconcile with the ledger on D; a missing dividend is a missing_transaction break of its size', async () => {
    const ledger = loadLedgerFile(ledgerFile);
    const prices = new PriceHistory(ledger.entries);
    const usdPerEur = prices.latest('EUR', 'USD', asOf)?.price.big as Big;
    const snapshot: PricingSnapshot = {
      prices: new Map(
        ['ASML', 'EFA', 'MSFT', 'TTE'].map((s) => [
          s,
          { price: prices.latest(s, 'USD', asOf)?.price.big as Big, currency: 'USD' },
        ]),
      ),
      fxToBase: new Map([['USD', new Big(1).div(usdPerEur)]]),
      splits: [],
    };
    const booksOn = async () => {
      const held = holdingsOnDate(await stored(), asOf);
      let value = new Big(0);
      for (const [symbol, units] of held.positions) {
        const quote = snapshot.prices.get(symbol);
        value = value.plus(units.times(quote?.price ?? 0).times(snapshot.fxToBase.get('USD') ?? 0));
      }
      for (const [currency, amount] of held.cash) {
        value = value.plus(
          amount.times(currency === 'EUR' ? 1 : (snapshot.fxToBase.get(currency) ?? 0)),
        );
      }
      return {
        portfolioId: id,
        baseCurrency: 'EUR',
        positions: held.positions,
        cash: held.cash,
        portfolioValue: value,
      };
    };
    const side = ledgerPortfolio(ledger.entries, id, asOf);
    const clean = reconcile(await booksOn(), side, snapshot);
    expect(clean.breaks).toEqual([]);
    expect(clean.verdict).toBe('reconciled');

    const dividend = (await stored()).filter((r) => r.type === 'dividend').at(-1);
    expect(dividend).toBeDefined();
    await t.db.drizzle
      .delete(transactions)
      .where(
        and(
          eq(transactions.portfolioId, id),
          eq(transactions.externalId, dividend?.externalId ?? ''),
        ),
      );
    const broken = reconcile(await booksOn(), side, snapshot);
    expect(broken.verdict).toBe('broken');
    expect(broken.breaks).toHaveLength(1);
    const [only] = broken.breaks;
    expect(only?.reason).toBe('missing_transaction');
    expect(only?.kind).toBe('cash');
    expect(only?.key).toBe(dividend?.currency);
    expect(only?.ledger.minus(only.books).toFixed()).toBe(new Big(dividend?.amount ?? 0).toFixed());
    expect(only?.sizeBase?.toFixed()).toBe(
      new Big(dividend?.amount ?? 0).times(snapshot.fxToBase.get('USD') ?? 0).toFixed(),
    );
  });
});
