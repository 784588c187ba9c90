import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProviderServer, type FakeProviderServer } from '../testing/fakeProviderServer.js';
import { testApiKeys, testProviderConfig } from '../testing/testProviderConfig.js';
import { NewsApiClient } from './newsApiClient.js';

let server: FakeProviderServer;
let news: NewsApiClient;

beforeAll(async () => {
  server = await startFakeProviderServer({ apiKeys: testApiKeys });
  news = new NewsApiClient(testProviderConfig(server));
});
afterAll(() => server.close());

describe('NewsApiClient', () => {
  it('keeps nullable fields null and tags the symbols an article names', async () => {
    server.script('/v2/everything', { fixture: 'newsapi/everything-nulls.json' });
    const result = await news.news({ symbols: ['NPR', 'KO'], from: '2026-09-19' });
    expect(result).toEqual({
      provider: 'newsapi',
      total_results: 1,
      truncated: false,
      articles: [
        {
          symbols: ['NPR', 'KO'],
          source: 'NPR',
          author: null,
          title: 'A title',
          description: null,
          url: 'https://npr.org/a',
          published_at: '2026-09-19T11:01:34Z',
          content: null,
        },
      ],
    });
    const request = server.lastRequest();
    expect(request.query.get('q')).toBe('NPR OR KO');
    expect(request.headers['x-api-key']).toBe(testApiKeys.newsapi);
  });

  it('returns what it has, marked truncated, when the plan refuses further pages (426)', async () => {
    const article = (i: number) => ({
      source: { id: null, name: 'Wire' },
      author: null,
      title: `ETF story ${i}`,
      description: null,
      url: `https://example.com/${i}`,
      urlToImage: null,
      publishedAt: '2021-12-16T01:43:53Z',
      content: null,
    });
    server.script('/v2/everything', {
      body: {
        status: 'ok',
        totalResults: 250,
        articles: Array.from({ length: 100 }, (_, i) => article(i)),
      },
    });
    const result = await news.news({ query: 'ETF', from: '2021-12-01', to: '2021-12-31' });
    expect(result).toMatchObject({ total_results: 250, truncated: true });
    expect(result.articles).toHaveLength(100);
    expect(server.requests.slice(-2).map((r) => r.query.get('page'))).toEqual(['1', '2']);
  });

  it('stops after a short page and says when results are missing', async () => {
    const before = server.requests.length;
    const result = await news.news({ query: 'ETF', from: '2021-12-01' });
    expect(result.total_results).toBe(14534);
    expect(result.truncated).toBe(true);
    expect(result.articles[0]).toMatchObject({
      symbols: [],
      source: 'Motley Fool Australia',
      author: 'Sebastian Bowen',
    });
    expect(server.requests.length - before).toBe(1);
  });

  it('reads top headlines', async () => {
    server.script('/v2/top-headlines', { fixture: 'newsapi/top-headlines-with-source-id.json' });
    const result = await news.topHeadlines({ country: 'us' });
    expect(result.articles[0]).toMatchObject({ source: 'The Hill', author: 'Tara Suter' });
  });

  it('fails at once on a bad key or incompatible parameters', async () => {
    const bad = new NewsApiClient(testProviderConfig(server, { NEWSAPI_API_KEY: 'bad' }));
    await expect(bad.news({ query: 'x', from: '2026-01-01' })).rejects.toMatchObject({
      code: 'provider_unauthorized',
      message: expect.stringContaining('Your API key is invalid or incorrect'),
    });
    server.script('/v2/top-headlines', {
      status: 400,
      fixture: 'newsapi/error-400-parametersIncompatible.json',
    });
    await expect(news.topHeadlines({ country: 'us' })).rejects.toMatchObject({
      code: 'provider_bad_request',
    });
  });

  it('treats a status "error" body as an error even under HTTP 200', async () => {
    server.script('/v2/everything', { fixture: 'newsapi/error-400-parametersIncompatible.json' });
    await expect(news.news({ query: 'x', from: '2026-01-01' })).rejects.toMatchObject({
      code: 'provider_bad_request',
      status: 200,
    });
  });
});
