import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpProviderId } from '../model/providerId.js';
import { fixtureJson, fixtureText } from './fixtureFiles.js';

/**
 * One scripted answer. Default status 200. `body` is sent as JSON, `rawBody` as is
 * (plain text, malformed JSON), `fixture` as the named fixture's text. `delayMs` waits
 * before answering (to exceed a client timeout); `truncate` announces the full
 * Content-Length, sends half the body and drops the connection.
 */
export interface ScriptedResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly fixture?: string;
  readonly delayMs?: number;
  readonly truncate?: boolean;
}

/** A request the server received (secrets included: tests assert on them). */
export interface RecordedRequest {
  readonly provider: HttpProviderId | null;
  readonly pathname: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Options: `apiKeys` enables each provider's real authentication failure for wrong keys. */
export interface FakeProviderServerOptions {
  readonly apiKeys?: Partial<Record<HttpProviderId, string>>;
  /** FRED page size cap, to force `offset`/`limit` paging (default: honour `limit`). */
  readonly fredPageSize?: number;
  /** NewsAPI plan cap on results reachable by paging (Developer plan: 100). */
  readonly newsApiMaxResults?: number;
}

/** A running fake of the four providers' HTTP APIs on 127.0.0.1. */
export interface FakeProviderServer {
  /** `http://127.0.0.1:<port>` — use as every provider's base URL. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** The most recent request; throws when none arrived yet. */
  lastRequest(): RecordedRequest;
  /**
   * Queues answers for requests whose path matches `route` (exact string or RegExp);
   * they are used in order, before the built-in real-shaped answer.
   */
  script(route: string | RegExp, ...responses: ScriptedResponse[]): void;
  /** Environment variables pointing all four providers here, with these keys. */
  env(keys?: Partial<Record<HttpProviderId, string>>): Record<string, string>;
  close(): Promise<void>;
}

type Answer = ScriptedResponse;
type Route = (query: URLSearchParams, match: RegExpExecArray) => Answer;

const fredSeriesFixtures: Readonly<Record<string, string>> = {
  DGS10: 'fred/series-observations-DGS10.SYNTHETIC.json',
  DFII10: 'fred/series-observations-DFII10.SYNTHETIC.json',
  T10YIE: 'fred/series-observations-T10YIE.SYNTHETIC.json',
  BAMLC0A0CM: 'fred/series-observations-BAMLC0A0CM.SYNTHETIC.json',
  DTWEXBGS: 'fred/series-observations-DTWEXBGS.SYNTHETIC.json',
  GNPCA: 'fred/series-observations-GNPCA-page1-limit20.json',
};

function withSymbol(rows: unknown, symbol: string): unknown {
  return (rows as Record<string, unknown>[]).map((row) => ({ ...row, symbol }));
}

/** FRED observations sliced by `offset`/`limit`, as the real API pages. */
function fredPage(query: URLSearchParams, pageCap: number | undefined): Answer {
  const seriesId = query.get('series_id') ?? '';
  const file = fredSeriesFixtures[seriesId];
  if (file === undefined) return { status: 400, fixture: 'fred/error-400-bad-series-id.json' };
  const full = fixtureJson(file) as { observations: unknown[] } & Record<string, unknown>;
  const offset = Number(query.get('offset') ?? '0');
  const limit = Math.min(Number(query.get('limit') ?? '100000'), pageCap ?? Infinity);
  return {
    body: {
      ...full,
      count: full.observations.length,
      offset,
      limit,
      observations: full.observations.slice(offset, offset + limit),
    },
  };
}

/** NewsAPI answers, refusing pages beyond the plan's result cap with its real 426. */
function newsPage(fixture: string, query: URLSearchParams, maxResults: number): Answer {
  const page = Number(query.get('page') ?? '1');
  const pageSize = Number(query.get('pageSize') ?? '100');
  if ((page - 1) * pageSize >= maxResults) {
    return { status: 426, fixture: 'newsapi/error-426-maximumResultsReached.json' };
  }
  return page === 1 ? { fixture } : { body: { status: 'ok', totalResults: 0, articles: [] } };
}

function builtInRoutes(options: FakeProviderServerOptions): [HttpProviderId, RegExp, Route][] {
  return [
    [
      'fmp',
      /^\/stable\/historical-price-eod\/full$/,
      (q) => {
        const symbol = q.get('symbol') ?? '';
        return /^[A-Z]{6}$/.test(symbol)
          ? {
              body: withSymbol(fixtureJson('fmp/historical-price-eod-full-fx-eurusd.json'), symbol),
            }
          : { body: withSymbol(fixtureJson('fmp/historical-price-eod-full.json'), symbol) };
      },
    ],
    [
      'fmp',
      /^\/stable\/quote$/,
      (q) => ({ body: withSymbol(fixtureJson('fmp/quote.json'), q.get('symbol') ?? '') }),
    ],
    [
      'fmp',
      /^\/stable\/dividends$/,
      (q) => ({ body: withSymbol(fixtureJson('fmp/dividends.json'), q.get('symbol') ?? '') }),
    ],
    [
      'fmp',
      /^\/stable\/splits$/,
      (q) => ({
        body: withSymbol(fixtureJson('fmp/splits.SYNTHETIC.json'), q.get('symbol') ?? ''),
      }),
    ],
    [
      'fmp',
      /^\/stable\/income-statement$/,
      (q) => ({
        body: withSymbol(fixtureJson('fmp/income-statement.json'), q.get('symbol') ?? ''),
      }),
    ],
    [
      'fmp',
      /^\/stable\/key-metrics$/,
      (q) => ({ body: withSymbol(fixtureJson('fmp/key-metrics.json'), q.get('symbol') ?? '') }),
    ],
    ['fmp', /^\/api\/v3\//, () => ({ status: 403, fixture: 'fmp/error-403-legacy-endpoint.json' })],
    [
      'polygon',
      /^\/v2\/aggs\/ticker\/([^/]+)\/range\/1\/day\/[^/]+\/[^/]+$/,
      (_q, m) => {
        const ticker = decodeURIComponent(m[1] ?? '');
        return ticker.startsWith('C:')
          ? {
              body: {
                ...(fixtureJson('polygon/forex-aggs-range-C_EURUSD.json') as object),
                ticker,
              },
            }
          : { body: { ...(fixtureJson('polygon/aggs-range-1-day.json') as object), ticker } };
      },
    ],
    [
      'polygon',
      /^\/v2\/aggs\/grouped\/locale\/us\/market\/stocks\/[^/]+$/,
      () => ({ fixture: 'polygon/aggs-grouped-daily.json' }),
    ],
    [
      'polygon',
      /^\/v3\/reference\/dividends$/,
      () => ({ fixture: 'polygon/reference-dividends.json' }),
    ],
    ['polygon', /^\/v3\/reference\/splits$/, () => ({ fixture: 'polygon/reference-splits.json' })],
    ['fred', /^\/fred\/series\/observations$/, (q) => fredPage(q, options.fredPageSize)],
    [
      'newsapi',
      /^\/v2\/everything$/,
      (q) => newsPage('newsapi/everything.json', q, options.newsApiMaxResults ?? 100),
    ],
    [
      'newsapi',
      /^\/v2\/top-headlines$/,
      (q) => newsPage('newsapi/top-headlines.json', q, options.newsApiMaxResults ?? 100),
    ],
  ];
}

/** The key a request carried, read the way each provider's API reads it. */
function presentedKey(
  provider: HttpProviderId,
  request: IncomingMessage,
  query: URLSearchParams,
): string | null {
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? null;
  switch (provider) {
    case 'fmp':
      return query.get('apikey') ?? (request.headers['apikey'] as string | undefined) ?? null;
    case 'polygon':
      return query.get('apiKey') ?? bearer;
    case 'fred':
      return query.get('api_key');
    case 'newsapi':
      return (request.headers['x-api-key'] as string | undefined) ?? query.get('apiKey') ?? bearer;
  }
}

/** Each provider's real answer to a missing or wrong key (FRED uses 400). */
const authFailures: Record<HttpProviderId, Answer> = {
  fmp: { status: 401, fixture: 'fmp/error-401-invalid-api-key.json' },
  polygon: { status: 401, fixture: 'polygon/error-401-unknown-api-key.json' },
  fred: { status: 400, fixture: 'fred/error-400-api-key-not-registered.json' },
  newsapi: { status: 401, fixture: 'newsapi/error-401-apiKeyInvalid.json' },
};

function providerOfPath(pathname: string): HttpProviderId | null {
  if (pathname.startsWith('/stable/') || pathname.startsWith('/api/')) return 'fmp';
  if (/^\/v[123]\/(aggs|reference|last_quote|conversion)/.test(pathname)) return 'polygon';
  if (pathname.startsWith('/fred/')) return 'fred';
  if (pathname.startsWith('/v2/')) return 'newsapi';
  return null;
}

async function send(response: ServerResponse, answer: Answer): Promise<void> {
  if (answer.delayMs !== undefined) await new Promise((r) => setTimeout(r, answer.delayMs));
  if (response.destroyed) return;
  const text =
    answer.rawBody ??
    (answer.fixture !== undefined
      ? fixtureText(answer.fixture)
      : JSON.stringify(answer.body ?? null));
  const isJson = answer.rawBody === undefined && !(answer.fixture ?? '').endsWith('.txt');
  const bytes = Buffer.from(text, 'utf8');
  response.writeHead(answer.status ?? 200, {
    'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'content-length': String(bytes.length),
    ...answer.headers,
  });
  if (answer.truncate === true) {
    response.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    response.socket?.destroy();
    return;
  }
  response.end(bytes);
}

/**
 * Starts a fake of FMP `/stable`, Polygon/Massive, FRED and NewsAPI on 127.0.0.1 at a
 * random port. Built-in routes answer with the real-shaped fixtures (symbol/ticker
 * echoed), FRED pages by `offset`/`limit`, NewsAPI refuses paging past the plan cap with
 * its 426 body, and, when `apiKeys` are given, a wrong or missing key gets the provider's
 * real auth error. {@link FakeProviderServer.script} injects faults per request.
 */
export async function startFakeProviderServer(
  options: FakeProviderServerOptions = {},
): Promise<FakeProviderServer> {
  const scripts: { route: string | RegExp; queue: Answer[] }[] = [];
  const requests: RecordedRequest[] = [];
  const routes = builtInRoutes(options);

  const answerFor = (request: IncomingMessage, url: URL): Answer => {
    const provider = providerOfPath(url.pathname);
    const scripted = scripts.find(
      (s) =>
        s.queue.length > 0 &&
        (typeof s.route === 'string' ? s.route === url.pathname : s.route.test(url.pathname)),
    );
    const next = scripted?.queue.shift();
    if (next !== undefined) return next;
    const expectedKey = provider === null ? undefined : options.apiKeys?.[provider];
    if (provider !== null && expectedKey !== undefined) {
      if (presentedKey(provider, request, url.searchParams) !== expectedKey) {
        return authFailures[provider];
      }
    }
    for (const [, pattern, route] of routes) {
      const match = pattern.exec(url.pathname);
      if (match !== null) return route(url.searchParams, match);
    }
    return { status: 404, body: { status: 'NOT_FOUND', message: `no route ${url.pathname}` } };
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({
      provider: providerOfPath(url.pathname),
      pathname: url.pathname,
      query: url.searchParams,
      headers: { ...request.headers },
    });
    send(response, answerFor(request, url)).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    requests,
    lastRequest() {
      const last = requests.at(-1);
      if (last === undefined) throw new Error('the fake provider server has received no request');
      return last;
    },
    script(route, ...responses) {
      scripts.push({ route, queue: [...responses] });
    },
    env(keys = {}) {
      const env: Record<string, string> = {};
      for (const [id, prefix] of [
        ['fmp', 'FMP'],
        ['polygon', 'POLYGON'],
        ['fred', 'FRED'],
        ['newsapi', 'NEWSAPI'],
      ] as const) {
        env[`${prefix}_BASE_URL`] = baseUrl;
        const key = keys[id] ?? options.apiKeys?.[id];
        if (key !== undefined) env[`${prefix}_API_KEY`] = key;
      }
      return env;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
