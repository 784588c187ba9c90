import { readStoreHealth, runNightly, silentLogger } from '@truth-spine/orchestrator';
import { openTestDatabase, type TestDatabase } from '@truth-spine/store/testing';
import { OfflineReplaySource, ProviderNetworkError } from '@truth-spine/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingMarketSource } from '../runtime/countingMarketSource.js';
import { startHttpServer, type RunningHttpServer } from './httpServer.js';
import { PipelineMetrics } from './pipelineMetrics.js';
import { fakeStepBodies } from './testing/fakeStepBodies.js';
import { parsePrometheusText, sampleValue } from './testing/prometheusText.js';

const fast = { retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1, factor: 2 } };

describe('runner HTTP endpoints', () => {
  let test: TestDatabase;
  let server: RunningHttpServer;
  const metrics = new PipelineMetrics();
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${server.port}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };

  beforeAll(async () => {
    test = await openTestDatabase('pglite');
    metrics.watchStore(() => readStoreHealth(test.db));
    server = await startHttpServer({
      db: test.db,
      metrics,
      logger: silentLogger,
      host: '127.0.0.1',
      port: 0,
    });
  });
  afterAll(async () => {
    await server.close();
    await test.dispose();
  });

  it('GET /health/pack is 503 with no pack, 503 while the pack warms, 200 once it is fresh', async () => {
    const none = await get('/health/pack');
    expect(none.status).toBe(503);
    expect(JSON.parse(none.body)).toEqual({
      pack_id: null,
      as_of: null,
      status: 'none',
      hash: null,
      fresh_at: null,
      blocked: null,
    });

    let whileWarming: { status: number; body: string } | null = null;
    const { bodies } = fakeStepBodies({
      prewarm_ratings: async () => {
        whileWarming = await get('/health/pack');
        return { status: 'succeeded' };
      },
    });
    const { report } = await runNightly(
      test.db,
      bodies,
      { asOf: '2024-03-08' },
      { ...fast, onProgress: (p) => metrics.observeStep(p) },
    );
    metrics.observeRun(report);
    expect(report.status).toBe('succeeded');

    expect(whileWarming!.status).toBe(503);
    expect(JSON.parse(whileWarming!.body)).toMatchObject({
      pack_id: 'PK-2024-03-08-v1',
      as_of: '2024-03-08',
      status: 'warming',
      hash: 'sha-2024-03-08',
      fresh_at: null,
    });

    const fresh = await get('/health/pack');
    expect(fresh.status).toBe(200);
    expect(fresh.type).toBe('application/json');
    const body = JSON.parse(fresh.body) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'as_of',
      'blocked',
      'fresh_at',
      'hash',
      'pack_id',
      'status',
    ]);
    expect(body).toMatchObject({
      pack_id: 'PK-2024-03-08-v1',
      as_of: '2024-03-08',
      status: 'fresh',
      hash: 'sha-2024-03-08',
      blocked: null,
    });
    expect(Number.isNaN(Date.parse(String(body['fresh_at'])))).toBe(false);
  });

  it('GET /metrics exposes run, step, deadline and provider counters in Prometheus text', async () => {
    const source = new OfflineReplaySource('data/demo/market');
    source.dailyBars = () =>
      Promise.reject(new ProviderNetworkError('polygon', '/v2/aggs', true, '10000 ms'));
    source.macroSeries = () => Promise.resolve([]);
    const counted = countingMarketSource(source, 'primary', (call) =>
      metrics.observeProviderCall(call),
    );
    const range = { symbols: ['SPY'], from: '2024-03-08', to: '2024-03-08' };
    await expect(counted.dailyBars(range)).rejects.toBeInstanceOf(ProviderNetworkError);
    await expect(counted.dailyBars(range)).rejects.toThrow(/no answer within 10000 ms/);
    expect(
      await counted.macroSeries({ seriesIds: ['DGS10'], from: '2024-03-08', to: '2024-03-08' }),
    ).toEqual([]);

    const response = await get('/metrics');
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parsePrometheusText(response.body);
    expect(sampleValue(samples, 'truth_spine_runs_total', { status: 'succeeded' })).toBe(1);
    expect(
      sampleValue(samples, 'truth_spine_run_duration_seconds_count', { status: 'succeeded' }),
    ).toBe(1);
    for (const step of ['build_pack', 'reconcile_ledger', 'mark_pack_fresh', 'evaluate_alerts']) {
      expect(
        sampleValue(samples, 'truth_spine_step_duration_seconds_count', {
          step,
          status: 'succeeded',
        }),
      ).toBe(1);
    }
    expect(sampleValue(samples, 'truth_spine_deadline_misses_total', { deadline: 'pack' })).toBe(0);
    expect(sampleValue(samples, 'truth_spine_deadline_misses_total', { deadline: 'run' })).toBe(0);
    expect(
      sampleValue(samples, 'truth_spine_provider_calls_total', {
        source: 'primary',
        method: 'dailyBars',
      }),
    ).toBe(2);
    expect(
      sampleValue(samples, 'truth_spine_provider_errors_total', {
        source: 'primary',
        method: 'dailyBars',
        code: 'provider_timeout',
      }),
    ).toBe(2);
    expect(
      sampleValue(samples, 'truth_spine_provider_calls_total', {
        source: 'primary',
        method: 'macroSeries',
      }),
    ).toBe(1);
    expect(
      sampleValue(samples, 'truth_spine_provider_errors_total', { method: 'macroSeries' }),
    ).toBeUndefined();
    expect(
      sampleValue(samples, 'truth_spine_last_run_timestamp_seconds', { status: 'succeeded' }),
    ).toBeGreaterThan(1.7e9);
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    expect((await get('/nope')).status).toBe(404);
    const post = await fetch(`http://127.0.0.1:${server.port}/health/pack`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
