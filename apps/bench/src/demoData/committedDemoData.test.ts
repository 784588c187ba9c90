import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLedgerText } from '@truth-spine/ledger';
import { readBooks } from '@truth-spine/books';
import { OfflineReplaySource } from '@truth-spine/providers';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { ledgerBooksAgreement } from './testing/ledgerBooksAgreement.js';

const root = fileURLToPath(new URL('../../../../data/demo/', import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');
const portfolios = (
  JSON.parse(read('portfolios.json')) as {
    portfolios: { id: string; base_currency: string; benchmark: string }[];
  }
).portfolios;

describe('the committed demo data set (data/demo)', () => {
  it('has 3–5 portfolios in USD, EUR and GBP, each with a benchmark that has a price file', () => {
    expect(portfolios.length).toBeGreaterThanOrEqual(3);
    expect(portfolios.length).toBeLessThanOrEqual(5);
    expect(new Set(portfolios.map((p) => p.base_currency))).toEqual(new Set(['USD', 'EUR', 'GBP']));
    const prices = readdirSync(`${root}market/prices`);
    for (const p of portfolios) expect(prices).toContain(`${p.benchmark}.csv`);
  });

  it.each(portfolios.map((p) => p.id))('ledger %s agrees with its books on every date', (id) => {
    expect(
      ledgerBooksAgreement(id, read(`ledgers/${id}.beancount`), read(`transactions/${id}.csv`)),
    ).toEqual([]);
  });

  it.each(portfolios.map((p) => p.id))(
    'ledger %s loads without errors in @truth-spine/ledger',
    (id) => {
      const loaded = loadLedgerText(read(`ledgers/${id}.beancount`), `${id}.beancount`);
      expect(loaded.errors).toEqual([]);
    },
  );

  it('exercises every transaction type, the real AAPL split and a pay-date-converted ADR dividend', () => {
    const rows = portfolios.flatMap((p) =>
      parseCsv(read(`transactions/${p.id}.csv`), p.id).slice(1),
    );
    const types = new Set(rows.map((r) => r[3]));
    expect(types).toEqual(
      new Set([
        'buy',
        'sell',
        'dividend',
        'interest',
        'fee',
        'deposit',
        'withdrawal',
        'split',
        'fx',
      ]),
    );
    const split = rows.find((r) => r[3] === 'split');
    expect(split?.slice(1, 6)).toEqual(['2020-08-31', '2020-08-31', 'split', 'AAPL', '390']);
    const sapDividend = rows.findIndex(
      (r) => r[3] === 'dividend' && r[4] === 'SAP' && r[8] === 'EUR',
    );
    const [dividend, sold, bought] = rows.slice(sapDividend, sapDividend + 3);
    expect(dividend?.[10]).toBe(dividend?.[1]);
    expect([sold?.[3], sold?.[7], sold?.[8]]).toEqual(['fx', `-${dividend?.[7]}`, 'EUR']);
    expect([bought?.[3], bought?.[8]]).toEqual(['fx', 'USD']);
  });

  it('keeps raw (unadjusted) closes: AAPL trades 4x higher before the split than the adjusted series', () => {
    const aapl = parseCsv(read('market/prices/AAPL.csv'), 'AAPL.csv');
    const close = (date: string): string | undefined => aapl.find((r) => r[0] === date)?.[4];
    expect(close('2020-08-28')).toBe('499.230012');
    expect(close('2020-08-31')).toBe('129.039993');
  });

  it("is read in full by the providers' offline replay source", async () => {
    const source = new OfflineReplaySource(`${root}market`);
    const range = { from: '2019-01-01', to: '2024-03-08' };
    const names = (dir: string): string[] =>
      readdirSync(`${root}market/${dir}`).map((f) => f.replace(/\.(csv|json)$/, ''));
    expect((await source.manifest()).calendar).toEqual({ first: '2019-01-02', last: '2024-03-08' });
    const bars = await source.dailyBars({ symbols: names('prices'), ...range });
    expect(bars.map((s) => s.bars.length)).toEqual(names('prices').map(() => 1305));
    const dividends = await source.dividends({ symbols: names('prices'), ...range });
    expect(dividends.length).toBe(
      parseCsv(read('market/corporate-actions/dividends.csv'), 'd').length - 1,
    );
    expect(await source.splits({ symbols: ['AAPL'], ...range })).toMatchObject([
      { symbol: 'AAPL', date: '2020-08-31' },
    ]);
    const fx = await source.fxRates({ pairs: names('fx'), ...range });
    expect(fx.every((s) => s.rates.length > 1300)).toBe(true);
    const macro = await source.macroSeries({ seriesIds: names('macro'), ...range });
    expect(macro.map((s) => s.series_id).sort()).toEqual([
      'BAMLC0A0CM',
      'DFII10',
      'DGS10',
      'DGS3MO',
      'DTWEXBGS',
      'T10YIE',
    ]);
    const fundamentals = await source.fundamentals(names('fundamentals'));
    expect(fundamentals.every((f) => f.periods.length > 0)).toBe(true);
  });

  it('has sample news near the last date: one article per held security and day, stating its bundled close', async () => {
    const source = new OfflineReplaySource(`${root}market`);
    const closes = (symbol: string): Map<string, string> =>
      new Map(
        parseCsv(read(`market/prices/${symbol}.csv`), symbol)
          .slice(1)
          .map((r) => [r[0] ?? '', r[4] ?? '']),
      );
    const books = portfolios.flatMap((p) =>
      parseCsv(read(`transactions/${p.id}.csv`), p.id).slice(1),
    );
    const dates = readdirSync(`${root}market/news`).map((f) => f.replace(/\.json$/, ''));
    expect(dates).toEqual(['2024-03-06', '2024-03-07', '2024-03-08']);
    for (const date of dates) {
      // held at the end of `date`: buys + split shares − sells of the committed books
      const units = new Map<string, number>();
      for (const [, trade, , type, symbol, quantity] of books) {
        if ((trade ?? '') > date || symbol === undefined) continue;
        const sign = type === 'buy' || type === 'split' ? 1 : type === 'sell' ? -1 : 0;
        units.set(symbol, (units.get(symbol) ?? 0) + sign * Number(quantity));
      }
      const held = [...units].filter(([, n]) => n > 0).map(([s]) => s);
      const { articles } = await source.news({ symbols: held, from: date });
      expect(articles.map((a) => a.symbols.join()).sort()).toEqual([...held].sort());
      for (const article of articles) {
        const symbol = article.symbols[0] ?? '';
        const series = closes(symbol);
        const days = [...series.keys()];
        const close = Number(series.get(date));
        const previous = Number(series.get(days[days.indexOf(date) - 1] ?? ''));
        const change = ((close - previous) / previous) * 100;
        const match = /closes at ([\d.]+) USD on (\S+), ([+-][\d.]+)% on the day$/.exec(
          article.title ?? '',
        );
        expect(match?.slice(2, 3)).toEqual([date]);
        expect(Math.abs(Number(match?.[1]) - close)).toBeLessThanOrEqual(0.005);
        expect(Math.abs(Number(match?.[3]) - change)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(article.url).toMatch(/^https:\/\/news\.example\//);
        expect(article.published_at).toBe(`${date}T21:30:00Z`);
      }
    }
  });

  it("is accepted by the orchestrator's books reader", async () => {
    const books = await readBooks(root);
    expect(books.portfolios.map((p) => p.id)).toEqual(portfolios.map((p) => p.id));
    const rows = portfolios.reduce(
      (n, p) => n + parseCsv(read(`transactions/${p.id}.csv`), p.id).length - 1,
      0,
    );
    expect(books.transactions.length).toBe(rows);
    expect(books.securities.find((s) => s.symbol === 'BP')).toMatchObject({
      kind: 'adr',
      adrRatio: '6',
      underlying: 'BP.L',
      underlyingCurrency: 'GBP',
    });
  });
});
