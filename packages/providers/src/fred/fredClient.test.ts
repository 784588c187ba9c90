import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProviderServer, type FakeProviderServer } from '../testing/fakeProviderServer.js';
import { testApiKeys, testProviderConfig } from '../testing/testProviderConfig.js';
import { FredClient } from './fredClient.js';

let server: FakeProviderServer;
let fred: FredClient;

beforeAll(async () => {
  server = await startFakeProviderServer({ apiKeys: testApiKeys, fredPageSize: 3 });
  fred = new FredClient(testProviderConfig(server));
});
afterAll(() => server.close());

describe('FredClient', () => {
  it('turns "." into null, never 0, and keeps value strings as sent', async () => {
    const [dgs10] = await fred.macroSeries({
      seriesIds: ['DGS10'],
      from: '2025-06-16',
      to: '2025-06-20',
    });
    expect(dgs10).toEqual({
      series_id: 'DGS10',
      provider: 'fred',
      observations: [
        { date: '2025-06-16', value: '4.18' },
        { date: '2025-06-17', value: '4.21' },
        { date: '2025-06-19', value: null },
        { date: '2025-06-20', value: '4.24' },
      ],
    });
  });

  it('pages with offset and limit until count is reached', async () => {
    const before = server.requests.length;
    const [series] = await fred.macroSeries({
      seriesIds: ['T10YIE'],
      from: '2025-06-16',
      to: '2025-06-20',
    });
    expect(series?.observations.map((o) => o.value)).toEqual(['2.31', '2.30', null, '2.33']);
    const pages = server.requests.slice(before);
    expect(pages.map((r) => r.query.get('offset'))).toEqual(['0', '3']);
    expect(Object.fromEntries(pages[0]?.query ?? [])).toMatchObject({
      series_id: 'T10YIE',
      file_type: 'json',
      observation_start: '2025-06-16',
      observation_end: '2025-06-20',
      api_key: testApiKeys.fred,
    });
  });

  it('returns an empty series for count 0', async () => {
    server.script('/fred/series/observations', { fixture: 'fred/series-observations-empty.json' });
    const [series] = await fred.macroSeries({
      seriesIds: ['DGS10'],
      from: '2050-01-01',
      to: '2050-12-31',
    });
    expect(series?.observations).toEqual([]);
  });

  it('stops with a typed error when the server ignores offset', async () => {
    const page = {
      count: 91,
      offset: 0,
      limit: 20,
      observations: [{ date: '1929-01-01', value: '1120.076' }],
    };
    server.script('/fred/series/observations', { body: page }, { body: page });
    await expect(
      fred.macroSeries({ seriesIds: ['GNPCA'], from: '1929-01-01', to: '2020-01-01' }),
    ).rejects.toMatchObject({ code: 'provider_invalid_response', field: 'observations[0].date' });
  });

  it('rejects a value that is neither a decimal nor "."', async () => {
    server.script('/fred/series/observations', {
      body: {
        count: 1,
        offset: 0,
        limit: 10,
        observations: [{ date: '2025-06-16', value: 'NaN' }],
      },
    });
    await expect(
      fred.macroSeries({ seriesIds: ['DGS10'], from: '2025-06-16', to: '2025-06-16' }),
    ).rejects.toMatchObject({
      code: 'provider_invalid_response',
      field: 'observations[0].value',
      received: 'NaN',
    });
  });

  it('reports a bad series id (400) at once with FRED’s message', async () => {
    const before = server.requests.length;
    await expect(
      fred.macroSeries({ seriesIds: ['NOT-A-SERIES'], from: '2025-06-16', to: '2025-06-20' }),
    ).rejects.toMatchObject({
      code: 'provider_bad_request',
      message:
        'fred /fred/series/observations: HTTP 400 bad request — Bad Request. Invalid value for variable series_id. Series IDs should be 25 or less alphanumeric characters.',
    });
    expect(server.requests.length - before).toBe(1);
  });

  it('reads FRED’s error envelope even under HTTP 200, retrying a 429 inside it', async () => {
    server.script('/fred/series/observations', {
      fixture: 'fred/error-429-too-many-requests.json',
    });
    const [series] = await fred.macroSeries({
      seriesIds: ['DGS10'],
      from: '2025-06-16',
      to: '2025-06-20',
    });
    expect(series?.observations).toHaveLength(4);
    server.script('/fred/series/observations', { fixture: 'fred/error-400-bad-series-id.json' });
    await expect(
      fred.macroSeries({ seriesIds: ['DGS10'], from: '2025-06-16', to: '2025-06-20' }),
    ).rejects.toMatchObject({ code: 'provider_bad_request', status: 200 });
  });

  it('reports an unregistered key without quoting it', async () => {
    const bad = new FredClient(testProviderConfig(server, { FRED_API_KEY: 'unregistered0000' }));
    const error = (await bad
      .macroSeries({ seriesIds: ['DGS10'], from: '2025-06-16', to: '2025-06-20' })
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('The value for variable api_key is not registered');
    expect(error.message).not.toContain('unregistered0000');
  });
});
