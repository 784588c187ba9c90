import { describe, expect, it } from 'vitest';
import { DemoDataError } from './demoDataError.js';
import { DemoMarket } from './demoMarket.js';
import { buildDemoNews } from './demoNews.js';
import type { BookRow, JournalEntry } from './journal.js';
import { TradingCalendar } from './tradingCalendar.js';
import type { NewsSpec, PriceBar, SecurityInfo } from './types.js';

const envelope = JSON.stringify({
  status: 'ok',
  totalResults: 1,
  articles: [
    {
      source: { id: null, name: 'Somewhere' },
      author: 'A',
      title: 'T',
      description: 'D',
      url: 'https://x.example/a',
      urlToImage: null,
      publishedAt: '2021-12-16T01:43:53Z',
      content: 'C',
    },
  ],
});
const spec: NewsSpec = {
  envelope: { path: 'newsapi/everything.json', origin: 'test', licence: 'test' },
  dates: ['2021-01-05'],
  wire: 'Test wire',
};
const bar = (date: string, close: string): PriceBar => ({
  date,
  open: '',
  high: '',
  low: '',
  close,
  volume: '',
});
const security = (symbol: string, name: string): SecurityInfo => ({
  symbol,
  name,
  currency: 'USD',
  kind: 'equity',
  country: 'US',
  prices: { path: '', origin: '', licence: '' },
  payLagDays: 0,
});
const market = new DemoMarket(
  new TradingCalendar(['2021-01-04', '2021-01-05']),
  new Map([
    ['AAA', security('AAA', 'Alpha Inc.')],
    ['BBB', security('BBB', 'Beta plc')],
    ['CCC', security('CCC', 'Gamma SA')],
  ]),
  new Map([
    ['AAA', [bar('2021-01-04', '50.00'), bar('2021-01-05', '50.126')]],
    ['BBB', [bar('2021-01-04', '20'), bar('2021-01-05', '19.3')]],
    ['CCC', [bar('2021-01-04', '10'), bar('2021-01-05', '11')]],
  ]),
  [],
  [],
  new Map(),
  new Map(),
);
const row = (tradeDate: string, type: BookRow['type'], symbol: string, quantity: string) =>
  ({ tradeDate, type, symbol, quantity }) as BookRow;
const journals = new Map<string, JournalEntry[]>([
  // P1 holds AAA (10 bought, 10 split shares added, 5 sold), sold all of CCC
  [
    'P1',
    [
      { rows: [row('2021-01-04', 'buy', 'AAA', '10'), row('2021-01-04', 'buy', 'CCC', '3')] },
      { rows: [row('2021-01-05', 'split', 'AAA', '10'), row('2021-01-05', 'sell', 'AAA', '5')] },
      { rows: [row('2021-01-05', 'sell', 'CCC', '3'), row('2021-01-05', 'dividend', 'BBB', '')] },
    ] as unknown as JournalEntry[],
  ],
  // P2 holds BBB; its buy of CCC comes after the news date
  [
    'P2',
    [
      { rows: [row('2021-01-04', 'buy', 'BBB', '4')] },
      { rows: [row('2021-01-06', 'buy', 'CCC', '1')] },
    ] as unknown as JournalEntry[],
  ],
]);

describe('buildDemoNews', () => {
  it('writes one article per held security with its close and daily change (hand-computed)', () => {
    const news = buildDemoNews(spec, envelope, market, journals);
    const articles = news.get('2021-01-05') ?? [];
    // AAA 50.126 vs 50.00: +0.252 % → +0.25; title close 50.126 → 50.13
    // BBB 19.3 vs 20: −3.5 % → −3.50; CCC not held at the end of 2021-01-05
    expect(articles.map((a) => a.title)).toEqual([
      'Alpha Inc. (AAA) closes at 50.13 USD on 2021-01-05, +0.25% on the day',
      'Beta plc (BBB) closes at 19.30 USD on 2021-01-05, -3.50% on the day',
    ]);
    expect(articles[0]).toEqual({
      symbols: ['AAA'],
      source: 'Test wire',
      author: null,
      title: 'Alpha Inc. (AAA) closes at 50.13 USD on 2021-01-05, +0.25% on the day',
      description:
        'AAA closed at 50.126 USD on 2021-01-05 after 50.00 USD on 2021-01-04. Sample article of the truth-spine offline demo, generated from the bundled closes; not real news.',
      url: 'https://news.example/truth-spine-demo/2021-01-05/aaa-close',
      published_at: '2021-01-05T21:30:00Z',
      content: null,
    });
  });

  it('refuses an envelope of another shape, naming the file, and a date without a previous day', () => {
    const other = JSON.stringify({ status: 'ok', articles: [{ title: 'x', url: 'y' }] });
    expect(() => buildDemoNews(spec, other, market, journals)).toThrow(
      /newsapi\/everything\.json: article fields title, url; expected author, content/,
    );
    expect(() => buildDemoNews(spec, '{"status":"error"}', market, journals)).toThrow(
      DemoDataError,
    );
    expect(() =>
      buildDemoNews({ ...spec, dates: ['2021-01-04'] }, envelope, market, journals),
    ).toThrow(/news date 2021-01-04 is not a trading day after the first/);
  });
});
