import type { ProviderConfig } from '../config/providerConfig.js';
import { ProviderHttpError } from '../errors/providerHttpError.js';
import { ProviderHttpClient, type ClientOverrides } from '../http/providerHttpClient.js';
import type { NewsArticle, NewsResult } from '../model/marketData.js';
import type { NewsQuery, NewsSource } from '../model/sources.js';
import { newsApiProtocol } from './newsApiProtocol.js';
import { newsApiArticles } from './newsApiSchemas.js';

/** NewsAPI's largest page. */
const pageSize = 100;

/** Articles collected at most per request (NewsAPI plans cap paging anyway). */
const maxArticles = 1_000;

/** Top-headlines filters (https://newsapi.org/docs/endpoints/top-headlines). */
export interface TopHeadlinesQuery {
  readonly country?: string;
  readonly category?: string;
  readonly query?: string;
}

type ApiArticle = (typeof newsApiArticles.infer)['articles'][number];

/** Symbols named as whole words in the article; all requested ones if none is. */
function symbolsOf(article: ApiArticle, requested: readonly string[]): string[] {
  const text = [article.title, article.description, article.content].join(' ');
  const named = requested.filter((symbol) =>
    new RegExp(
      `(^|[^A-Za-z0-9])${symbol.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9]|$)`,
    ).test(text),
  );
  return named.length > 0 ? named : [...requested];
}

function articleOf(article: ApiArticle, requested: readonly string[]): NewsArticle {
  return {
    symbols: symbolsOf(article, requested),
    source: article.source.name,
    author: article.author,
    title: article.title,
    description: article.description,
    url: article.url,
    published_at: article.publishedAt,
    content: article.content,
  };
}

/**
 * NewsAPI v2 `everything` (query or symbols joined with OR) and `top-headlines`. Pages
 * of 100 until `totalResults` or a short page; when the plan refuses to page further
 * (HTTP 426 `maximumResultsReached`) the articles so far are returned. `truncated` is
 * true whenever fewer than `totalResults` articles came back.
 */
export class NewsApiClient implements NewsSource {
  readonly http: ProviderHttpClient;

  constructor(config: ProviderConfig, overrides: ClientOverrides = {}) {
    this.http = new ProviderHttpClient({
      protocol: newsApiProtocol,
      settings: config.providers.newsapi,
      resilience: config.resilience,
      ...overrides,
    });
  }

  /** `/v2/everything` for the query (or the symbols), newest first. */
  async news(request: NewsQuery, signal?: AbortSignal): Promise<NewsResult> {
    const symbols = request.symbols ?? [];
    const q = request.query ?? symbols.join(' OR ');
    if (q.trim() === '') throw new RangeError('news needs a query or at least one symbol');
    return this.paged(
      '/v2/everything',
      { q, from: request.from, to: request.to, sortBy: 'publishedAt' },
      symbols,
      signal,
    );
  }

  /** `/v2/top-headlines`. */
  async topHeadlines(request: TopHeadlinesQuery, signal?: AbortSignal): Promise<NewsResult> {
    return this.paged(
      '/v2/top-headlines',
      { country: request.country, category: request.category, q: request.query },
      [],
      signal,
    );
  }

  private async paged(
    endpoint: string,
    query: Readonly<Record<string, string | undefined>>,
    symbols: readonly string[],
    signal?: AbortSignal,
  ): Promise<NewsResult> {
    const articles: NewsArticle[] = [];
    let total = 0;
    for (let page = 1; ; page++) {
      let body: typeof newsApiArticles.infer;
      try {
        body = await this.http.get(
          newsApiArticles,
          { endpoint, path: endpoint, query: { ...query, pageSize, page } },
          signal,
        );
      } catch (error) {
        const refusedToPage =
          page > 1 && error instanceof ProviderHttpError && error.kind === 'upgrade_required';
        if (refusedToPage) {
          return {
            provider: 'newsapi',
            total_results: total,
            truncated: articles.length < total,
            articles,
          };
        }
        throw error;
      }
      total = body.totalResults;
      articles.push(...body.articles.map((article) => articleOf(article, symbols)));
      const lastPage = body.articles.length < pageSize || articles.length >= total;
      if (lastPage || articles.length >= maxArticles) {
        return {
          provider: 'newsapi',
          total_results: total,
          truncated: articles.length < total,
          articles,
        };
      }
    }
  }
}
