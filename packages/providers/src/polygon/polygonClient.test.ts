import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProviderServer, type FakeProviderServer } from '../testing/fakeProviderServer.js';
import { testApiKeys, testProviderConfig } from '../testing/testProviderConfig.js';
import { PolygonClient } from './polygonClient.js';

let server: FakeProviderServer;
let polygon: PolygonClient;

beforeAll(async () => {
  server = await startFakeProviderServer({ apiKeys: testApiKeys });
  polygon = new PolygonClient(testProviderConfig(server));
});
afterAll(() => server.close());

const aggsPath = /^\/v2\/aggs\/ticker\/AAPL\/range\/1\/day\//;

describe('PolygonClient', () => {
  it('reads unadjusted daily aggregates dated in New York time', async () => {
    const [aapl] = await polygon.dailyBars({
      symbols: ['AAPL'],
      from: '2005-04-01',
      to: '2005-04-04',
    });
    expect(aapl).toEqual({
      symbol: 'AAPL',
      provider: 'polygon',
      bars: [
        {
          date: '2005-04-01',
          open: '1.5032',
          high: '1.5064',
          low: '1.4489',
          close: '1.4604',
          volume: '642646396',
        },
        {
          date: '2005-04-04',
          open: '1.4639',
          high: '1.4754',
          low: '1.4343',
          close: '1.4675',
          volume: '578172308',
        },
      ],
    });
    const request = server.lastRequest();
    expect(request.pathname).toBe('/v2/aggs/ticker/AAPL/range/1/day/2005-04-01/2005-04-04');
    expect(request.query.get('adjusted')).toBe('false');
    expect(request.query.get('apiKey')).toBe(testApiKeys.polygon);
    expect(request.headers.authorization).toBe(`Bearer ${testApiKeys.polygon}`);
  });

  it('follows next_url on the configured host, keeping the cursor', async () => {
    server.script(
      aggsPath,
      { fixture: 'polygon/aggs-range-with-next_url.json' },
      {
        body: {
          status: 'OK',
          ticker: 'AAPL',
          results: [{ v: 1, o: 75.1, c: 75.2, h: 75.3, l: 75, t: 1578286800000 }],
        },
      },
    );
    const [aapl] = await polygon.dailyBars({
      symbols: ['AAPL'],
      from: '2020-01-02',
      to: '2020-01-06',
    });
    expect(aapl?.bars.map((b) => [b.date, b.close])).toEqual([
      ['2020-01-02', '75.0875'],
      ['2020-01-03', '74.3575'],
      ['2020-01-06', '75.2'],
    ]);
    const second = server.lastRequest();
    expect(second.pathname).toBe('/v2/aggs/ticker/AAPL/range/1/day/1626912000000/1629590400000');
    expect(second.query.get('cursor')).toBe('AGGSCURSOR');
    expect(second.query.get('apiKey')).toBe(testApiKeys.polygon);
  });

  it('stops a next_url loop with a typed error', async () => {
    const page = {
      status: 'OK',
      results: [],
      next_url: 'https://api.polygon.io/v2/aggs/ticker/AAPL/range/1/day/a/b?cursor=same',
    };
    server.script(aggsPath, { body: page }, { body: page }, { body: page });
    await expect(
      polygon.dailyBars({ symbols: ['AAPL'], from: '2020-01-02', to: '2020-01-06' }),
    ).rejects.toMatchObject({ code: 'provider_invalid_response', field: 'next_url' });
  });

  it('reads the grouped daily market snapshot for one date', async () => {
    const grouped = await polygon.groupedDaily('2020-10-14');
    expect(grouped).toEqual({
      date: '2020-10-14',
      provider: 'polygon',
      bars: [
        {
          symbol: 'GIK',
          date: '2020-10-14',
          open: '9.99',
          high: '10.02',
          low: '9.9',
          close: '10.02',
          volume: '895345',
        },
      ],
    });
    expect(server.lastRequest().pathname).toBe(
      '/v2/aggs/grouped/locale/us/market/stocks/2020-10-14',
    );
  });

  it('reads forex aggregates of C:EURUSD as one rate per UTC day', async () => {
    const [eurusd] = await polygon.fxRates({
      pairs: ['eurusd'],
      from: '2026-07-02',
      to: '2026-07-02',
    });
    expect(eurusd).toEqual({
      pair: 'EURUSD',
      base: 'EUR',
      quote: 'USD',
      provider: 'polygon',
      rates: [{ date: '2026-07-01', rate: '1.1005' }],
    });
    expect(server.lastRequest().pathname).toBe(
      '/v2/aggs/ticker/C:EURUSD/range/1/day/2026-07-02/2026-07-02',
    );
  });

  it('pages reference dividends and keeps ex, record and pay dates', async () => {
    server.script(
      '/v3/reference/dividends',
      { fixture: 'polygon/reference-dividends-with-next_url.json' },
      {
        body: {
          status: 'OK',
          results: [
            {
              cash_amount: 0.5,
              currency: 'USD',
              ex_dividend_date: '2025-09-12',
              pay_date: '2025-09-30',
              ticker: 'CSSEN',
            },
          ],
        },
      },
    );
    const dividends = await polygon.dividends({
      symbols: ['CSSEN'],
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(dividends).toEqual([
      {
        symbol: 'CSSEN',
        ex_date: '2025-06-12',
        record_date: '2025-06-15',
        pay_date: '2025-06-30',
        amount: '0.59375',
        currency: null,
        provider: 'polygon',
      },
      {
        symbol: 'CSSEN',
        ex_date: '2025-09-12',
        record_date: null,
        pay_date: '2025-09-30',
        amount: '0.5',
        currency: 'USD',
        provider: 'polygon',
      },
    ]);
    const [first, second] = server.requests.slice(-2);
    expect(Object.fromEntries(first?.query ?? [])).toMatchObject({
      ticker: 'CSSEN',
      'ex_dividend_date.gte': '2025-01-01',
      'ex_dividend_date.lte': '2025-12-31',
    });
    expect(second?.query.get('cursor')).toMatch(/^YXA9/);
  });

  it('maps splits to numerator split_to over denominator split_from', async () => {
    const splits = await polygon.splits({
      symbols: ['GOOGL'],
      from: '2022-01-01',
      to: '2022-12-31',
    });
    expect(splits.find((s) => s.symbol === 'BRW')).toEqual({
      symbol: 'BRW',
      date: '2022-05-20',
      numerator: '1',
      denominator: '2',
      provider: 'polygon',
    });
    expect(splits.find((s) => s.symbol === 'AMZN')).toMatchObject({
      numerator: '20',
      denominator: '1',
    });
    expect(splits.map((s) => s.date)).toEqual([...splits.map((s) => s.date)].sort());
  });

  it('reports NOT_AUTHORIZED (HTTP 403) without retrying', async () => {
    const before = server.requests.length;
    server.script('/v2/aggs/grouped/locale/us/market/stocks/2020-10-14', {
      status: 403,
      fixture: 'polygon/error-403-not-authorized.json',
    });
    await expect(polygon.groupedDaily('2020-10-14')).rejects.toMatchObject({
      code: 'provider_forbidden',
      message:
        'polygon /v2/aggs/grouped/locale/us/market/stocks/{date}: HTTP 403 forbidden — You are not entitled to this data. Please upgrade your plan at https://massive.com/pricing',
    });
    expect(server.requests.length - before).toBe(1);
  });

  it('fails at once on an unknown key', async () => {
    const bad = new PolygonClient(testProviderConfig(server, { POLYGON_API_KEY: 'nope' }));
    await expect(bad.groupedDaily('2020-10-14')).rejects.toMatchObject({
      code: 'provider_unauthorized',
      message:
        'polygon /v2/aggs/grouped/locale/us/market/stocks/{date}: HTTP 401 unauthorized — Unknown API Key',
    });
  });
});
