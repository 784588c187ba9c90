import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProviderServer, type FakeProviderServer } from '../testing/fakeProviderServer.js';
import { testApiKeys, testProviderConfig } from '../testing/testProviderConfig.js';
import { FmpClient } from './fmpClient.js';

let server: FakeProviderServer;
let fmp: FmpClient;

beforeAll(async () => {
  server = await startFakeProviderServer({ apiKeys: testApiKeys });
  fmp = new FmpClient(testProviderConfig(server));
});
afterAll(() => server.close());

describe('FmpClient', () => {
  it('returns raw daily bars ascending with decimals exactly as sent', async () => {
    const [series] = await fmp.dailyBars({
      symbols: ['AAPL'],
      from: '2025-01-02',
      to: '2025-01-10',
    });
    expect(series?.provider).toBe('fmp');
    expect(series?.bars.map((b) => b.date)).toEqual([
      '2025-01-02',
      '2025-01-03',
      '2025-01-06',
      '2025-01-07',
      '2025-01-08',
      '2025-01-10',
    ]);
    expect(series?.bars.at(-1)).toEqual({
      date: '2025-01-10',
      open: '240.01',
      high: '240.16',
      low: '233',
      close: '236.85',
      volume: '61710900',
    });
    const request = server.lastRequest();
    expect(request.pathname).toBe('/stable/historical-price-eod/full');
    expect(Object.fromEntries(request.query)).toMatchObject({
      symbol: 'AAPL',
      from: '2025-01-02',
      to: '2025-01-10',
      apikey: testApiKeys.fmp,
    });
  });

  it('reads FX pairs from the same endpoint', async () => {
    const [eurusd] = await fmp.fxRates({ pairs: ['EURUSD'], from: '2026-07-03', to: '2026-07-06' });
    expect(eurusd).toMatchObject({ pair: 'EURUSD', base: 'EUR', quote: 'USD', provider: 'fmp' });
    expect(eurusd?.rates).toEqual([
      { date: '2026-07-03', rate: '1.14376' },
      { date: '2026-07-05', rate: '1.14307' },
      { date: '2026-07-06', rate: '1.14172' },
    ]);
  });

  it('keeps unadjusted dividends in range, blank dates as null and no invented currency', async () => {
    const dividends = await fmp.dividends({
      symbols: ['AAPL'],
      from: '1990-01-01',
      to: '2020-12-31',
    });
    expect(dividends).toEqual([
      {
        symbol: 'AAPL',
        ex_date: '1995-02-13',
        record_date: '1995-02-17',
        pay_date: '1995-03-10',
        amount: '0.12',
        currency: null,
        provider: 'fmp',
      },
      {
        symbol: 'AAPL',
        ex_date: '2020-08-07',
        record_date: '2020-08-10',
        pay_date: '2020-08-13',
        amount: '0.82',
        currency: null,
        provider: 'fmp',
      },
    ]);
  });

  it('reads splits as numerator/denominator', async () => {
    const splits = await fmp.splits({ symbols: ['AAPL'], from: '2020-01-01', to: '2020-12-31' });
    expect(splits).toEqual([
      { symbol: 'AAPL', date: '2020-08-31', numerator: '4', denominator: '1', provider: 'fmp' },
    ]);
  });

  it('merges annual fundamentals and leaves statements the plan lacks as null', async () => {
    const [ko] = await fmp.fundamentals(['KO']);
    expect(ko?.currency).toBe('USD');
    expect(ko?.periods[0]).toEqual({
      fiscal_year: '2026',
      period_end: '2026-06-27',
      revenue: '466823000000',
      gross_profit: '227123000000',
      operating_income: '154859000000',
      net_income: '128930000000',
      eps_diluted: '8.73',
      interest_expense: '0',
      total_debt: null,
      total_equity: null,
      operating_cash_flow: null,
      capital_expenditure: null,
      free_cash_flow: null,
      shares_diluted: '14750302000',
      return_on_equity: null,
    });
    expect(ko?.periods[1]).toMatchObject({
      fiscal_year: '2024',
      return_on_equity: '1.6459350307287095',
    });
  });

  it('leaves optional statements null when their answer is unreadable', async () => {
    server.script(/^\/stable\/balance-sheet-statement$/, { body: { error: 'no such endpoint' } });
    const [ko] = await fmp.fundamentals(['KO']);
    expect(ko?.periods[0]).toMatchObject({ revenue: '466823000000', total_debt: null });
  });

  it('uses balance-sheet and cash-flow statements when available', async () => {
    server.script(/^\/stable\/balance-sheet-statement$/, {
      body: [{ fiscalYear: '2024', totalDebt: 106629000000, totalStockholdersEquity: 56950000000 }],
    });
    server.script(/^\/stable\/cash-flow-statement$/, {
      body: [
        {
          fiscalYear: '2024',
          operatingCashFlow: 118254000000,
          capitalExpenditure: -9447000000,
          freeCashFlow: 108807000000,
        },
      ],
    });
    const [aapl] = await fmp.fundamentals(['AAPL']);
    expect(aapl?.periods[1]).toMatchObject({
      total_debt: '106629000000',
      total_equity: '56950000000',
      operating_cash_flow: '118254000000',
      capital_expenditure: '-9447000000',
      free_cash_flow: '108807000000',
    });
  });

  it('treats "Limit Reach" under HTTP 200 as a rate limit and retries', async () => {
    server.script('/stable/quote', { fixture: 'fmp/error-429-limit-reach.json' });
    const [quote] = await fmp.quotes(['AAPL']);
    expect(quote).toEqual({ symbol: 'AAPL', price: '328.21', as_of: '2026-09-03T20:00:01.000Z' });
  });

  it('reads a plain-text error under HTTP 200 as the error it names', async () => {
    server.script('/stable/quote', { fixture: 'fmp/error-402-premium-query-parameter.txt' });
    await expect(fmp.quotes(['AAPL'])).rejects.toMatchObject({
      code: 'provider_payment_required',
      status: 200,
    });
    server.script('/stable/quote', { rawBody: 'Limit Reach . Please upgrade your plan' });
    expect(await fmp.quotes(['AAPL'])).toHaveLength(1);
  });

  it('fails at once on a plain-text 402 and names the reason', async () => {
    const before = server.requests.length;
    server.script('/stable/quote', {
      status: 402,
      fixture: 'fmp/error-402-restricted-endpoint.txt',
    });
    await expect(fmp.quotes(['AAPL'])).rejects.toMatchObject({
      code: 'provider_payment_required',
      message:
        'fmp /stable/quote: HTTP 402 payment required — Restricted Endpoint: This endpoint is not available under your current subscription please visit our subscription page',
    });
    expect(server.requests.length - before).toBe(1);
  });

  it('fails at once with a clear message on a bad key (401)', async () => {
    const bad = new FmpClient(testProviderConfig(server, { FMP_API_KEY: 'wrong-key-123' }));
    const before = server.requests.length;
    const error = await bad.quotes(['AAPL']).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({
      code: 'provider_unauthorized',
      provider: 'fmp',
      endpoint: '/stable/quote',
    });
    expect((error as Error).message).toMatch(
      /^fmp \/stable\/quote: HTTP 401 unauthorized — Invalid API KEY\./,
    );
    expect((error as Error).message).not.toContain('wrong-key-123');
    expect(server.requests.length - before).toBe(1);
  });

  it('rejects a malformed row with the field and value', async () => {
    server.script('/stable/historical-price-eod/full', {
      body: [{ symbol: 'AAPL', date: '2025-01-10', close: '236.85' }],
    });
    await expect(
      fmp.dailyBars({ symbols: ['AAPL'], from: '2025-01-10', to: '2025-01-10' }),
    ).rejects.toMatchObject({
      code: 'provider_invalid_response',
      field: '[0].close',
      received: '236.85',
      message:
        'fmp /stable/historical-price-eod/full: unexpected response: field [0].close must be a number, received "236.85"',
    });
  });
});
