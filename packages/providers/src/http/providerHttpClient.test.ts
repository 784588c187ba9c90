import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderCircuitOpenError } from '../errors/providerCircuitOpenError.js';
import { ProviderResponseError } from '../errors/providerResponseError.js';
import { FredClient } from '../fred/fredClient.js';
import { startFakeProviderServer, type FakeProviderServer } from '../testing/fakeProviderServer.js';
import { testApiKeys, testProviderConfig } from '../testing/testProviderConfig.js';

let server: FakeProviderServer;

beforeAll(async () => {
  server = await startFakeProviderServer({ apiKeys: testApiKeys });
});
afterAll(() => server.close());

const endpoint = '/fred/series/observations';
const request = { endpoint, path: endpoint, query: { series_id: 'DGS10', file_type: 'json' } };

function client(extra: Record<string, string> = {}) {
  return new FredClient(testProviderConfig(server, extra)).http;
}

/** Runs `work` and returns how many requests reached the server meanwhile. */
async function countRequests(work: () => Promise<unknown>): Promise<number> {
  const before = server.requests.length;
  await work().catch(() => undefined);
  return server.requests.length - before;
}

describe('ProviderHttpClient resilience', () => {
  it('retries 500 and 503, then succeeds', async () => {
    server.script(
      endpoint,
      { status: 500, body: { error_code: 500, error_message: 'x' } },
      { status: 503, rawBody: 'unavailable' },
    );
    const http = client();
    expect(await countRequests(() => http.getJson(request))).toBe(3);
  });

  it('honours Retry-After on 429 before retrying', async () => {
    server.script(endpoint, {
      status: 429,
      headers: { 'retry-after': '1' },
      fixture: 'fred/error-429-too-many-requests.json',
    });
    const started = Date.now();
    const body = await client().getJson(request);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(body).toMatchObject({ count: 4 });
  });

  it('times out a slow answer, retries, and reports a timeout when all attempts are slow', async () => {
    const quick = { PROVIDER_TIMEOUT_MS: '300' };
    server.script(endpoint, { delayMs: 1_500, body: {} });
    expect(await countRequests(() => client(quick).getJson(request))).toBeGreaterThanOrEqual(2);
    server.script(endpoint, { delayMs: 1_500, body: {} }, { delayMs: 1_500, body: {} });
    await expect(
      client({ ...quick, PROVIDER_MAX_ATTEMPTS: '2' }).getJson(request),
    ).rejects.toMatchObject({
      code: 'provider_timeout',
      message: 'fred /fred/series/observations: no answer within 300 ms (gave up after 2 attempts)',
    });
  });

  it('never lets one attempt run past the total retry budget', async () => {
    server.script(endpoint, { delayMs: 1_500, body: {} });
    const started = Date.now();
    await expect(
      client({ PROVIDER_RETRY_BUDGET_MS: '400' }).getJson(request),
    ).rejects.toMatchObject({
      code: 'provider_timeout',
    });
    expect(Date.now() - started).toBeLessThan(1_400);
  });

  it('does not count time queued under the rate limit against the retry budget', async () => {
    const slowQuota = client({ FRED_RATE_LIMIT: '1/250ms', PROVIDER_RETRY_BUDGET_MS: '150' });
    const bodies = await Promise.all(Array.from({ length: 3 }, () => slowQuota.getJson(request)));
    expect(bodies).toHaveLength(3);
  });

  it('does not follow a redirect, so the key stays on the configured host', async () => {
    server.script(endpoint, {
      status: 302,
      headers: { location: 'http://127.0.0.1:9/elsewhere' },
      rawBody: '',
    });
    let error: unknown;
    const requests = await countRequests(() =>
      client()
        .getJson(request)
        .catch((e: unknown) => {
          error = e;
          throw e;
        }),
    );
    expect(requests).toBe(1);
    expect(error).toMatchObject({ code: 'provider_http_error', status: 302 });
    expect((error as Error).message).toContain(
      'redirected to http://127.0.0.1:9/elsewhere; not followed',
    );
  });

  it('retries a body cut off mid-stream', async () => {
    server.script(endpoint, {
      truncate: true,
      fixture: 'fred/series-observations-DGS10.SYNTHETIC.json',
    });
    expect(await countRequests(() => client().getJson(request))).toBe(2);
  });

  it('rejects malformed JSON under 200 as a typed error without retrying', async () => {
    server.script(endpoint, { rawBody: '{"count": 4, "observations": [' });
    const http = client();
    let error: unknown;
    expect(
      await countRequests(() =>
        http.getJson(request).catch((e: unknown) => {
          error = e;
          throw e;
        }),
      ),
    ).toBe(1);
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error).toMatchObject({ code: 'provider_invalid_response', provider: 'fred', endpoint });
  });

  it('opens the breaker after repeated failures, then half-opens and closes on success', async () => {
    const http = client({ PROVIDER_MAX_ATTEMPTS: '1' });
    server.script(endpoint, ...Array.from({ length: 3 }, () => ({ status: 503, rawBody: 'down' })));
    for (let i = 0; i < 3; i++) {
      await expect(http.getJson(request)).rejects.toMatchObject({ code: 'provider_server_error' });
    }
    expect(http.circuitState).toBe('open');
    let open: unknown;
    expect(
      await countRequests(() =>
        http.getJson(request).catch((e: unknown) => {
          open = e;
          throw e;
        }),
      ),
    ).toBe(0);
    expect(open).toBeInstanceOf(ProviderCircuitOpenError);
    expect((open as Error).message).toBe(
      'fred /fred/series/observations: circuit breaker open after repeated failures (last: fred /fred/series/observations: HTTP 503 server error — down); not calling until it half-opens',
    );
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await countRequests(() => http.getJson(request))).toBe(1);
    expect(http.circuitState).toBe('closed');
  });

  it('keeps to the rate limit and the concurrency limit', async () => {
    const limited = client({ FRED_RATE_LIMIT: '2/300ms' });
    const started = Date.now();
    await Promise.all(Array.from({ length: 4 }, () => limited.getJson(request)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);

    const serial = client({ FRED_MAX_CONCURRENCY: '1' });
    server.script(
      endpoint,
      ...Array.from({ length: 3 }, () => ({
        delayMs: 60,
        body: { count: 0, offset: 0, observations: [] },
      })),
    );
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 3 }, () => serial.getJson(request)));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(170);
  });

  it('never lets a key into an error, its inspection or its cause', async () => {
    const key = testApiKeys.fred;
    const errors: unknown[] = [];
    const capture = (p: Promise<unknown>) => p.catch((e: unknown) => errors.push(e));
    server.script(endpoint, {
      status: 400,
      rawBody: `bad request for ${server.baseUrl}${endpoint}?api_key=${key}`,
    });
    await capture(client().getJson(request));
    server.script(endpoint, { rawBody: `not json, echoing ${key}` });
    await capture(client().getJson(request));
    server.script(endpoint, {
      body: { count: 1, offset: 0, observations: [{ date: key, value: '1' }] },
    });
    await capture(
      new FredClient(testProviderConfig(server)).macroSeries({
        seriesIds: ['X'],
        from: '2025-01-01',
        to: '2025-01-02',
      }),
    );
    const unreachable = new FredClient(
      testProviderConfig(server, {
        FRED_BASE_URL: 'http://127.0.0.1:9',
        PROVIDER_MAX_ATTEMPTS: '1',
      }),
    ).http;
    await capture(unreachable.getJson(request));
    const breakerClient = client({ PROVIDER_MAX_ATTEMPTS: '1', PROVIDER_BREAKER_THRESHOLD: '1' });
    server.script(endpoint, { status: 500, rawBody: `boom ${key}` });
    await capture(breakerClient.getJson(request));
    await capture(breakerClient.getJson(request));
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual([
      'provider_bad_request',
      'provider_invalid_response',
      'provider_invalid_response',
      'provider_network',
      'provider_server_error',
      'provider_circuit_open',
    ]);
    for (const error of errors) {
      expect(inspect(error, { depth: 10 })).not.toContain(key);
      expect(JSON.stringify(error)).not.toContain(key);
      expect(String(error)).not.toContain(key);
    }
  });
});
