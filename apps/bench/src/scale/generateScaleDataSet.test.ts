import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Big from 'big.js';
import { ledgerPortfolio, loadLedgerFile, reconcile } from '@truth-spine/ledger';
import { readBooks } from '@truth-spine/books';
import { OfflineReplaySource } from '@truth-spine/providers';
import { afterAll, describe, expect, it } from 'vitest';
import { ledgerBooksAgreement } from '../demoData/testing/ledgerBooksAgreement.js';
import { generateScaleDataSet, type ScaleDataSet } from './generateScaleDataSet.js';
import type { ScaleParams } from './scaleParams.js';

const small: ScaleParams = {
  portfolios: 6,
  holdings: 8,
  securities: 40,
  years: 2,
  currencies: ['USD', 'EUR', 'GBP'],
  seed: 7,
  breaks: 0,
};
const root = mkdtempSync(join(tmpdir(), 'bench-scale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** sha256 over every file's relative path and bytes, in sorted path order. */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): string[] =>
    readdirSync(d)
      .sort()
      .flatMap((name) => {
        const path = join(d, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
  for (const path of walk(dir))
    hash.update(relative(dir, path)).update('\0').update(readFileSync(path));
  return hash.digest('hex');
}

/**
 * Books on the last day computed straight from the CSV (units from buy/sell/split rows,
 * cash = Σ amount per currency) and valued with the offline closes and FX of that day.
 */
async function booksOnLastDay(set: ScaleDataSet, id: string, base: string) {
  const text = readFileSync(join(set.booksDir, 'transactions', `${id}.csv`), 'utf8');
  const positions = new Map<string, Big>();
  const cash = new Map<string, Big>();
  const add = (map: Map<string, Big>, key: string, v: Big) =>
    map.set(key, (map.get(key) ?? new Big(0)).plus(v));
  for (const line of text.trim().split('\n').slice(1)) {
    const [, , , type, symbol, quantity, , amount, currency] = line.split(',') as string[];
    add(cash, currency as string, new Big(amount as string));
    if (type === 'buy' || type === 'split')
      add(positions, symbol as string, new Big(quantity as string));
    if (type === 'sell') add(positions, symbol as string, new Big(quantity as string).neg());
  }
  const source = new OfflineReplaySource(set.marketDir);
  const day = set.lastDay;
  const bars = await source.dailyBars({ symbols: [...positions.keys()], from: day, to: day });
  const currencyOf = new Map(
    readFileSync(join(set.booksDir, 'securities.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => [l.split(',')[0] as string, l.split(',')[2] as string]),
  );
  const prices = new Map(
    bars.map((s) => [
      s.symbol,
      { price: new Big(s.bars[0]?.close as string), currency: currencyOf.get(s.symbol) as string },
    ]),
  );
  const fxToBase = new Map<string, Big>();
  for (const c of ['USD', 'EUR', 'GBP'].filter((c) => c !== base)) {
    const [direct] = await source.fxRates({ pairs: [`${c}${base}`], from: day, to: day });
    const [inverse] = await source.fxRates({ pairs: [`${base}${c}`], from: day, to: day });
    const rate = direct?.rates[0]?.rate ?? inverse?.rates[0]?.rate;
    fxToBase.set(c, direct?.rates[0] ? new Big(rate as string) : new Big(1).div(rate as string));
  }
  const rate = (c: string) => (c === base ? new Big(1) : (fxToBase.get(c) as Big));
  let value = new Big(0);
  for (const [s, u] of positions)
    value = value.plus(
      u.times(prices.get(s)?.price as Big).times(rate(prices.get(s)?.currency as string)),
    );
  for (const [c, v] of cash) value = value.plus(v.times(rate(c)));
  return {
    books: { portfolioId: id, baseCurrency: base, positions, cash, portfolioValue: value },
    prices,
    fxToBase,
  };
}

describe('generateScaleDataSet', () => {
  it('is deterministic: same parameters give the same bytes, another seed other bytes', () => {
    const a = generateScaleDataSet(small, join(root, 'a'));
    const b = generateScaleDataSet(small, join(root, 'b'));
    const c = generateScaleDataSet({ ...small, seed: 8 }, join(root, 'c'));
    expect(a.reused).toBe(false);
    expect(treeHash(a.dir)).toBe(treeHash(b.dir));
    expect(treeHash(c.dir)).not.toBe(treeHash(a.dir));
    expect(generateScaleDataSet(small, join(root, 'a')).reused).toBe(true);
    expect(() => generateScaleDataSet({ ...small, seed: 9 }, join(root, 'a'))).toThrow(
      /other parameters/,
    );
  });

  it('writes books the books reader accepts, and ledgers that agree with them row for row', async () => {
    const set = generateScaleDataSet(small, join(root, 'a'));
    const books = await readBooks(set.booksDir);
    expect(books.portfolios).toHaveLength(6);
    expect(books.securities).toHaveLength(40 + 3);
    expect(books.transactions).toHaveLength(set.transactions);
    const types = new Set(books.transactions.map((t) => t.type));
    for (const t of ['deposit', 'withdrawal', 'buy', 'sell', 'dividend'])
      expect(types).toContain(t);
    for (const p of books.portfolios) {
      const ledger = readFileSync(join(set.ledgerDir, `${p.id}.beancount`), 'utf8');
      const csv = readFileSync(join(set.booksDir, 'transactions', `${p.id}.csv`), 'utf8');
      expect(ledgerBooksAgreement(p.id, ledger, csv)).toEqual([]);
    }
  });

  it('reconciles with zero breaks, and with --breaks K the ledger package finds exactly K', async () => {
    for (const breaks of [0, 4]) {
      const set = generateScaleDataSet({ ...small, breaks }, join(root, `k${breaks}`));
      expect(set.brokenPortfolios).toHaveLength(breaks);
      const books = await readBooks(set.booksDir);
      let found = 0;
      const splits = await new OfflineReplaySource(set.marketDir).splits({
        symbols: books.securities.map((s) => s.symbol),
        from: '2000-01-01',
        to: set.lastDay,
      });
      for (const p of books.portfolios) {
        const ledger = loadLedgerFile(join(set.ledgerDir, `${p.id}.beancount`));
        expect(ledger.errors).toEqual([]);
        const { books: side, prices, fxToBase } = await booksOnLastDay(set, p.id, p.baseCurrency);
        const result = reconcile(side, ledgerPortfolio(ledger.entries, p.id, set.lastDay), {
          prices,
          fxToBase,
          splits: splits.map((s) => ({
            symbol: s.symbol,
            date: s.date,
            numerator: new Big(s.numerator),
            denominator: new Big(s.denominator),
          })),
        });
        found += result.breaks.length;
        expect(result.breaks.length).toBe(set.brokenPortfolios.includes(p.id) ? 1 : 0);
        if (result.breaks.length > 0)
          expect(result.breaks[0]?.reason).not.toBe('quantity_mismatch');
      }
      expect(found).toBe(breaks);
    }
  });
});
