import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDemoDataSet } from './buildDemoDataSet.js';
import { parseCsv } from './csv.js';
import { ledgerBooksAgreement } from './testing/ledgerBooksAgreement.js';
import type { DemoDataSpec, SourceFile } from './types.js';
import { writeDemoDataSet } from './writeDemoDataSet.js';

/*
 * A tiny synthetic market, written here by hand: AAA (raw closes 99..104, ex-dividend 0.50
 * on 2021-01-07, 2-for-1 split on 2021-01-11; Yahoo-style Close is split-adjusted and Adj
 * Close = Close × (1 − 0.25/52) before the ex-date), BBB (an ADR at 20.00, USD 0.60 dividend
 * ex 2021-01-08 = Adj Close 19.40 before; declared as EUR 0.50), SPYX (calendar only).
 */
const yahoo = (rows: string[]): string =>
  `Date,Open,High,Low,Close,Adj Close,Volume\n${rows.join('\n')}\n`;
const sources: Record<string, string> = {
  'px/AAA.csv': yahoo([
    '2020-12-24,49,49,49,49,48.764423,100',
    '2020-12-28,49.5,49.5,49.5,49.5,49.262019,100',
    '2020-12-29,50,50,50,50,49.759615,100',
    '2020-12-30,50,50,50,50,49.759615,100',
    '2020-12-31,50.5,50.5,50.5,50.5,50.257212,100',
    '2021-01-04,50,50,50,50,49.759615,100',
    '2021-01-05,51,51,51,51,50.754808,100',
    '2021-01-06,52,52,52,52,51.750000,100',
    '2021-01-07,51.75,51.75,51.75,51.75,51.75,100',
    '2021-01-08,52,52,52,52,52,100',
    '2021-01-11,52.5,52.5,52.5,52.5,52.5,200',
    '2021-01-12,53,53,53,53,53,200',
    '2021-01-13,54,54,54,54,54,200',
    '2021-01-14,55,55,55,55,55,200',
    '2021-01-15,56,56,56,56,56,200',
  ]),
  'px/BBB.csv': yahoo(
    [
      '2020-12-24',
      '2020-12-28',
      '2020-12-29',
      '2020-12-30',
      '2020-12-31',
      '2021-01-04',
      '2021-01-05',
      '2021-01-06',
      '2021-01-07',
    ]
      .map((d) => `${d},20,20,20,20.00,19.40,5`)
      .concat(
        ['2021-01-08', '2021-01-11', '2021-01-12', '2021-01-13', '2021-01-14', '2021-01-15'].map(
          (d) => `${d},20,20,20,20.00,20.00,5`,
        ),
      ),
  ),
  'px/SPYX.csv': yahoo(
    [
      '2020-12-24',
      '2020-12-28',
      '2020-12-29',
      '2020-12-30',
      '2020-12-31',
      '2021-01-04',
      '2021-01-05',
      '2021-01-06',
      '2021-01-07',
      '2021-01-08',
      '2021-01-11',
      '2021-01-12',
      '2021-01-13',
      '2021-01-14',
      '2021-01-15',
    ].map((d) => `${d},370,371,369,370.5,370.5,1000`),
  ),
  'fx/ecb.csv': [
    'Date,USD,JPY,GBP,',
    '2021-01-15,1.2123,125.81,0.8873,',
    '2021-01-14,1.2153,126.28,0.8898,',
    '2021-01-13,1.2177,126.45,0.8926,',
    '2021-01-12,1.2166,126.59,0.8958,',
    '2021-01-11,1.2163,126.79,0.9003,',
    '2021-01-08,1.2250,127.24,0.9036,',
    '2021-01-07,1.2319,127.06,0.9053,',
    '2021-01-06,1.2338,126.75,0.9060,',
    '2021-01-05,1.2271,126.33,0.9016,',
    '2021-01-04,1.2296,126.62,N/A,',
    '2020-12-31,1.2271,126.49,0.89903,',
    '2020-12-30,1.2296,126.84,0.9028,',
    '2020-12-29,1.2259,126.88,0.9072,',
    '2020-12-28,1.2219,126.57,0.9074,',
    '',
  ].join('\n'),
  'fred/DGS3MO.csv':
    'observation_date,DGS3MO\n2020-12-28,5.00\n2020-12-29,.\n2020-12-30,5.00\n2020-12-31,\n2021-01-04,4.90\n',
  'fund/AAA_financials.csv':
    'Total Revenue,Gross Profit,Net Income,EPS,Operating Income,Year\n1200.0,600.0,120.0,1.2,200.0,2021\n1000.0,500.0,100.0,1.0,150.0,2020\n,,,,,2019\n',
  'fund/kaggle.csv':
    ',,Ticker Symbol,Period Ending,Total Revenue,Gross Profit,Operating Income,Net Income,Interest Expense,Long-Term Debt,' +
    '"Short-Term Debt / Current Portion of Long-Term Debt",Total Equity,Net Cash Flow-Operating,Capital Expenditures,For Year,Earnings Per Share,Estimated Shares Outstanding\n' +
    '0,1,AAA,12/31/2018,9.5E+2,400,120,80,5,2.1E+2,40,400,150,-30,2018,0.8,100\n' +
    '1,2,ZZZ,12/31/2018,1,1,1,1,1,1,1,1,1,1,2018,1,1\n',
};

const file = (path: string): SourceFile => ({
  path,
  origin: `synthetic test fixture ${path}`,
  licence: 'test data',
});
const spec: DemoDataSpec = {
  name: 'tiny',
  description: 'synthetic test set',
  firstDate: '2020-12-28',
  lastDate: '2021-01-15',
  calendarSymbol: 'SPYX',
  securities: [
    {
      symbol: 'SPYX',
      name: 'Calendar ETF',
      currency: 'USD',
      kind: 'etf',
      country: 'US',
      prices: file('px/SPYX.csv'),
      payLagDays: 3,
    },
    {
      symbol: 'AAA',
      name: 'Triple A',
      currency: 'USD',
      kind: 'equity',
      country: 'US',
      prices: file('px/AAA.csv'),
      payLagDays: 3,
    },
    {
      symbol: 'BBB',
      name: 'Bee ADR',
      currency: 'USD',
      kind: 'adr',
      country: 'DE',
      adr: { ratio: '1', underlying: 'BBB.DE', currency: 'EUR' },
      prices: file('px/BBB.csv'),
      payLagDays: 5,
    },
  ],
  splits: [
    { symbol: 'AAA', date: '2021-01-11', numerator: 2, denominator: 1, evidence: 'test split' },
  ],
  declaredDividends: [
    { symbol: 'BBB', exDate: '2021-01-08', amount: '0.50', currency: 'EUR', evidence: 'test' },
  ],
  ecb: file('fx/ecb.csv'),
  ecbCurrencies: ['USD', 'GBP', 'JPY'],
  fxCrosses: [{ base: 'GBP', quote: 'USD' }],
  macro: [{ id: 'DGS3MO', file: file('fred/DGS3MO.csv') }],
  cashRateSeries: 'DGS3MO',
  fundamentals: [
    {
      symbol: 'AAA',
      currency: 'USD',
      fiscalYearEnd: '12-31',
      recent: file('fund/AAA_financials.csv'),
      kaggleTicker: 'AAA',
    },
  ],
  kaggleFundamentals: file('fund/kaggle.csv'),
  fees: { commission: '4.95', annualAccountFee: '25.00' },
  portfolios: [
    {
      id: 'P-USD-T',
      name: 'Test USD',
      baseCurrency: 'USD',
      benchmark: 'SPYX',
      inception: '2020-12-28',
      purpose: 'everything in USD',
      actions: [
        { kind: 'deposit', date: '2020-12-28', amount: '10000', currency: 'USD' },
        { kind: 'buy', date: '2020-12-29', symbol: 'AAA', quantity: 10 },
        { kind: 'buy', date: '2020-12-30', symbol: 'BBB', quantity: 100 },
        { kind: 'buy', date: '2021-01-05', symbol: 'AAA', quantity: 5 },
        { kind: 'withdrawal', date: '2021-01-12', amount: '500', currency: 'USD' },
        { kind: 'sell', date: '2021-01-14', symbol: 'AAA', quantity: 25 },
      ],
    },
    {
      id: 'P-EUR-T',
      name: 'Test EUR',
      baseCurrency: 'EUR',
      benchmark: 'SPYX',
      inception: '2020-12-28',
      purpose: 'EUR base with USD cash',
      actions: [
        { kind: 'deposit', date: '2020-12-28', amount: '5000', currency: 'EUR' },
        { kind: 'fx', date: '2021-01-04', sell: 'EUR', amount: '4000', buy: 'USD' },
        { kind: 'buy', date: '2021-01-05', symbol: 'BBB', quantity: 50 },
        { kind: 'fx', date: '2021-01-15', sell: 'USD', amount: '1000', buy: 'EUR' },
      ],
    },
  ],
};

const sourceDir = mkdtempSync(join(tmpdir(), 'demo-src-'));
for (const [path, text] of Object.entries(sources)) {
  mkdirSync(dirname(join(sourceDir, path)), { recursive: true });
  writeFileSync(join(sourceDir, path), text);
}
const readSource = (path: string): string => readFileSync(join(sourceDir, path), 'utf8');
const outDirs: string[] = [];
afterAll(() => {
  for (const dir of [sourceDir, ...outDirs]) rmSync(dir, { recursive: true, force: true });
});

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub === '' ? name : `${sub}/${name}`;
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else out.set(rel, readFileSync(join(dir, rel), 'utf8'));
    }
  };
  walk('');
  return out;
}

const set = buildDemoDataSet(spec, readSource);
const text = (path: string): string => {
  const t = set.files.get(path);
  if (t === undefined) throw new Error(`missing output ${path}`);
  return t;
};
const csv = (path: string): string[][] => parseCsv(text(path), path);
const rowsOf = (id: string): Record<string, string>[] => {
  const [header, ...rows] = csv(`transactions/${id}.csv`);
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
};

describe('buildDemoDataSet on a synthetic source directory', () => {
  it('writes byte-identical trees on two runs', () => {
    const [a, b] = [
      mkdtempSync(join(tmpdir(), 'demo-a-')),
      mkdtempSync(join(tmpdir(), 'demo-b-')),
    ] as [string, string];
    outDirs.push(a, b);
    writeDemoDataSet(a, buildDemoDataSet(spec, readSource).files);
    writeDemoDataSet(b, buildDemoDataSet(spec, readSource).files);
    const [ta, tb] = [tree(a), tree(b)];
    expect(ta.size).toBe(set.files.size);
    expect(tb).toEqual(ta);
  });

  it('produces the offline market data and books layout', () => {
    expect([...set.files.keys()].sort()).toEqual(
      [
        'README.md',
        'SOURCES.md',
        'ledgers/P-EUR-T.beancount',
        'ledgers/P-USD-T.beancount',
        'market/SOURCES.md',
        'market/corporate-actions/dividends.csv',
        'market/corporate-actions/splits.csv',
        'market/fundamentals/AAA.json',
        'market/fx/EURGBP.csv',
        'market/fx/EURJPY.csv',
        'market/fx/EURUSD.csv',
        'market/fx/GBPUSD.csv',
        'market/macro/DGS3MO.csv',
        'market/manifest.json',
        'market/prices/AAA.csv',
        'market/prices/BBB.csv',
        'market/prices/SPYX.csv',
        'portfolios.json',
        'securities.csv',
        'transactions/P-EUR-T.csv',
        'transactions/P-USD-T.csv',
      ].sort(),
    );
    expect(JSON.parse(text('market/manifest.json'))).toMatchObject({
      format: 'truth-spine-offline/1',
      calendar: { first: '2020-12-28', last: '2021-01-15' },
    });
    expect(csv('market/prices/AAA.csv')[0]).toEqual([
      'date',
      'open',
      'high',
      'low',
      'close',
      'volume',
    ]);
    expect(csv('transactions/P-USD-T.csv')[0]).toEqual([
      'external_id',
      'trade_date',
      'settle_date',
      'type',
      'symbol',
      'quantity',
      'price',
      'amount',
      'currency',
      'ex_date',
      'pay_date',
      'description',
    ]);
    expect(csv('securities.csv')[3]).toEqual([
      'BBB',
      'Bee ADR',
      'USD',
      'adr',
      'DE',
      '1',
      'BBB.DE',
      'EUR',
    ]);
  });

  it('un-adjusts closes before the split and keeps the rest as written', () => {
    const aaa = csv('market/prices/AAA.csv');
    expect(aaa[1]).toEqual(['2020-12-28', '99', '99', '99', '99', '']);
    expect(aaa.find((r) => r[0] === '2021-01-08')?.[4]).toBe('104');
    expect(aaa.find((r) => r[0] === '2021-01-11')).toEqual([
      '2021-01-11',
      '52.5',
      '52.5',
      '52.5',
      '52.5',
      '200',
    ]);
    expect(csv('market/prices/BBB.csv')[1]?.[4]).toBe('20.00');
    expect(csv('market/corporate-actions/splits.csv')).toEqual([
      ['symbol', 'date', 'numerator', 'denominator'],
      ['AAA', '2021-01-11', '2', '1'],
    ]);
  });

  it('infers dividends, applies the declared currency and dates record/pay days on the calendar', () => {
    expect(csv('market/corporate-actions/dividends.csv')).toEqual([
      ['symbol', 'ex_date', 'record_date', 'pay_date', 'amount', 'currency'],
      ['AAA', '2021-01-07', '2021-01-08', '2021-01-11', '0.50', 'USD'],
      ['BBB', '2021-01-08', '2021-01-11', '2021-01-13', '0.50', 'EUR'],
    ]);
  });

  it('keeps ECB strings, derives crosses, and writes FRED missing values blank', () => {
    expect(csv('market/fx/EURUSD.csv').slice(0, 3)).toEqual([
      ['date', 'rate'],
      ['2020-12-28', '1.2219'],
      ['2020-12-29', '1.2259'],
    ]);
    const gbp = csv('market/fx/GBPUSD.csv');
    expect(gbp.find((r) => r[0] === '2021-01-04')).toBeUndefined();
    expect(gbp.find((r) => r[0] === '2020-12-31')?.[1]).toBe('1.3649155201');
    expect(csv('market/macro/DGS3MO.csv').slice(1, 4)).toEqual([
      ['2020-12-28', '5.00'],
      ['2020-12-29', ''],
      ['2020-12-30', '5.00'],
    ]);
  });

  it('builds fundamentals from both tables, deriving debt, FCF and ROE and dropping future periods', () => {
    const f = JSON.parse(text('market/fundamentals/AAA.json')) as {
      periods: Record<string, unknown>[];
    };
    expect(f.periods.map((p) => p.period_end)).toEqual(['2018-12-31', '2020-12-31']);
    expect(f.periods[0]).toMatchObject({
      revenue: '950',
      total_debt: '250',
      free_cash_flow: '120',
      return_on_equity: '0.2',
      capital_expenditure: '-30',
    });
    expect(f.periods[1]).toMatchObject({
      fiscal_year: '2020',
      revenue: '1000',
      eps_diluted: '1',
      total_debt: null,
    });
  });

  it('books trades, the split, dividends, the pay-date FX conversion, interest and fees as computed by hand', () => {
    const rows = rowsOf('P-USD-T');
    const pick = (type: string, symbol = ''): Record<string, string>[] =>
      rows.filter((r) => r.type === type && (symbol === '' || r.symbol === symbol));
    expect(
      pick('buy', 'AAA').map((r) => [r.trade_date, r.settle_date, r.quantity, r.price, r.amount]),
    ).toEqual([
      ['2020-12-29', '2020-12-31', '10', '100', '-1000.00'],
      ['2021-01-05', '2021-01-07', '5', '102', '-510.00'],
    ]);
    expect(pick('split').map((r) => [r.trade_date, r.symbol, r.quantity, r.amount])).toEqual([
      ['2021-01-11', 'AAA', '15', '0.00'],
    ]);
    expect(
      pick('dividend').map((r) => [
        r.symbol,
        r.quantity,
        r.price,
        r.amount,
        r.currency,
        r.ex_date,
        r.pay_date,
      ]),
    ).toEqual([
      ['AAA', '15', '0.50', '7.50', 'USD', '2021-01-07', '2021-01-11'],
      ['BBB', '100', '0.50', '50.00', 'EUR', '2021-01-08', '2021-01-13'],
    ]);
    // EUR 50.00 × EURUSD 1.2177 (pay date 2021-01-13) = 60.885 → 60.89; at the ex-date rate it would be 61.25.
    expect(pick('fx').map((r) => [r.trade_date, r.amount, r.currency, r.price])).toEqual([
      ['2021-01-13', '-50.00', 'EUR', '1.2177'],
      ['2021-01-13', '60.89', 'USD', '1.2177'],
    ]);
    // 6990.10 USD × 5.00% × 3 days / 365 = 2.8726 → 2.87, before the account fee of the year's last day.
    expect(pick('interest').map((r) => [r.trade_date, r.amount])).toEqual([['2020-12-31', '2.87']]);
    expect(pick('fee').map((r) => r.amount)).toEqual([
      '-4.95',
      '-4.95',
      '-25.00',
      '-4.95',
      '-4.95',
    ]);
    expect(pick('sell').map((r) => [r.quantity, r.price, r.amount])).toEqual([
      ['25', '55', '1375.00'],
    ]);
  });

  it('sells lots first in, first out at split-adjusted cost, with the gain to CapitalGains', () => {
    const ledger = text('ledgers/P-USD-T.beancount');
    expect(ledger).toContain(
      [
        '  Assets:P-USD-T:Securities:AAA  -20 AAA {50 USD, 2020-12-29} @ 55 USD',
        '  Assets:P-USD-T:Securities:AAA  -5 AAA {51 USD, 2021-01-05} @ 55 USD',
        '  Assets:P-USD-T:Cash:USD  1375.00 USD',
        '  Income:P-USD-T:CapitalGains  -120 USD',
      ].join('\n'),
    );
    expect(ledger).toContain(
      '  Assets:P-USD-T:Securities:AAA  -10 AAA {100 USD, 2020-12-29}\n  Assets:P-USD-T:Securities:AAA  20 AAA {50 USD, 2020-12-29}',
    );
    expect(ledger).toContain(
      '  Assets:P-USD-T:Cash:EUR  -50.00 EUR @@ 60.89 USD\n  Assets:P-USD-T:Cash:USD  60.89 USD',
    );
  });

  it.each(['P-USD-T', 'P-EUR-T'])('ledger %s agrees with its books on every date', (id) => {
    expect(
      ledgerBooksAgreement(id, text(`ledgers/${id}.beancount`), text(`transactions/${id}.csv`)),
    ).toEqual([]);
  });

  it('the agreement check catches a ledger that drops a dividend', () => {
    const tampered = text('ledgers/P-USD-T.beancount').replace(
      'Assets:P-USD-T:Cash:USD  7.50 USD',
      'Assets:P-USD-T:Cash:USD  7.05 USD',
    );
    const problems = ledgerBooksAgreement('P-USD-T', tampered, text('transactions/P-USD-T.csv'));
    expect(problems.map((p) => p.what)).toContain('unbalanced transaction: residual -0.45 USD');
    expect(
      problems.some(
        (p) => p.date === '2021-01-11' && p.what.startsWith('Assets:P-USD-T:Cash:USD USD: ledger'),
      ),
    ).toBe(true);
  });

  it('refuses to overwrite a directory it did not write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-foreign-'));
    outDirs.push(dir);
    writeFileSync(join(dir, 'precious.txt'), 'keep me');
    expect(() => writeDemoDataSet(dir, set.files)).toThrow(/not a demo data set/);
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
  });
});
