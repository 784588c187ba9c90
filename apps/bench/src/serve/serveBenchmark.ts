import { loadavg } from 'node:os';
import type { Benchmark } from '../cli/benchmark.js';
import { commandOptions, integerOption, UsageError } from '../scale/commandOptions.js';
import { runLoad, type LoadResult } from './loadTest.js';
import { measurePageLoad, type PageLoad } from './pageLoad.js';
import { serveDemoNight } from './servedDemo.js';

/** The targets this workload checks. */
export const serveTargets = {
  portfolioPageMs: 300,
  apiRequestsPerSecond: 2_000,
  apiP99Ms: 20,
} as const;

/**
 * `npm run bench -- serve [--seconds 10] [--connections 50] [--loads 20] [--database URL]
 * [--json]`: the bundled demo's night through the real CLI, then `runner serve`, then
 * (1) the portfolio page: HTML answer time and, with Chromium, the load until its charts
 * are drawn — target < 300 ms; (2) `GET /api/v1/portfolios/{id}/metrics` round-robin over
 * the demo's portfolios from `connections` keep-alive connections — target ≥ 2,000
 * requests/s with p99 ≤ 20 ms; `/health/pack` under the same load for comparison. Prints
 * the load average (the machine may be shared). Exit 1 when a target is missed.
 */
export const serveBenchmark: Benchmark = {
  name: 'serve',
  summary:
    'the web face on the demo night: portfolio page load (< 300 ms) and the metrics API under 50 connections (>= 2,000 req/s, p99 <= 20 ms): [--seconds 10 --connections 50 --loads 20 --database URL --json]',
  async run(args, io) {
    let options: Map<string, string>;
    try {
      options = commandOptions(args, ['seconds', 'connections', 'loads', 'database'], ['json']);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`bench serve: ${error.message}\n`);
        return 64;
      }
      throw error;
    }
    const seconds = integerOption(options, 'seconds', 10);
    const connections = integerOption(options, 'connections', 50);
    const loads = Math.max(2, integerOption(options, 'loads', 20));
    const loadBefore = loadavg();
    io.stderr('bench serve: running the demo night and starting serve…\n');
    const served = await serveDemoNight(options.get('database'));
    try {
      const pages: PageLoad[] = [];
      for (const id of served.portfolioIds) {
        pages.push(
          await measurePageLoad(served.baseUrl, `/portfolios/${encodeURIComponent(id)}`, loads),
        );
      }
      const metricsPaths = served.portfolioIds.map(
        (id) => `/api/v1/portfolios/${encodeURIComponent(id)}/metrics`,
      );
      await runLoad({ baseUrl: served.baseUrl, paths: metricsPaths, connections, seconds: 1 });
      const cpuBefore = served.cpuSeconds();
      const api = await runLoad({
        baseUrl: served.baseUrl,
        paths: metricsPaths,
        connections,
        seconds,
      });
      const cpuAfter = served.cpuSeconds();
      const cpuMsPerRequest =
        cpuBefore === null || cpuAfter === null
          ? null
          : ((cpuAfter - cpuBefore) * 1000) / api.requests;
      const health = await runLoad({
        baseUrl: served.baseUrl,
        paths: ['/health/pack'],
        connections,
        seconds: Math.min(5, seconds),
      });
      const loadAfter = loadavg();
      const slowest = Math.max(...pages.map((p) => p.browserMedianMs ?? p.serverMedianMs));
      const verdicts = {
        portfolio_page: slowest < serveTargets.portfolioPageMs,
        api_throughput:
          api.requestsPerSecond >= serveTargets.apiRequestsPerSecond && api.failures === 0,
        api_p99: api.p99Ms <= serveTargets.apiP99Ms,
      };
      const report = {
        pack_id: served.packId,
        load_average_before: loadBefore,
        load_average_after: loadAfter,
        pages,
        metrics_api: { ...api, serve_cpu_ms_per_request: cpuMsPerRequest },
        health_pack: health,
        targets: serveTargets,
        verdicts,
      };
      if (options.has('json')) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      io.stderr(summary(pages, api, health, loadBefore, loadAfter, verdicts));
      if (cpuMsPerRequest !== null) {
        io.stderr(
          `serve CPU per metrics request: ${cpuMsPerRequest.toFixed(3)} ms (one idle core would answer ~${(1000 / cpuMsPerRequest).toFixed(0)} req/s)\n`,
        );
      }
      return Object.values(verdicts).every(Boolean) ? 0 : 1;
    } finally {
      await served.stop();
    }
  },
};

function summary(
  pages: readonly PageLoad[],
  api: LoadResult,
  health: LoadResult,
  before: number[],
  after: number[],
  verdicts: Record<string, boolean>,
): string {
  const ok = (b: boolean | undefined) => (b ? 'met' : 'MISSED');
  const ms = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)} ms`);
  const lines = [
    `load average ${before.map((x) => x.toFixed(2)).join(' ')} → ${after.map((x) => x.toFixed(2)).join(' ')}`,
    'page                              bytes   server p50   server p95   browser cold   browser p50   harness p50',
    ...pages.map(
      (p) =>
        `${p.path.padEnd(32)} ${String(p.bytes).padStart(7)}   ${ms(p.serverMedianMs).padStart(10)}   ${ms(p.serverP95Ms).padStart(10)}   ${ms(p.browserColdMs).padStart(12)}   ${ms(p.browserMedianMs).padStart(11)}   ${ms(p.harnessMedianMs).padStart(11)}`,
    ),
    ...(pages[0]?.browserSkipped ? [`browser not measured: ${pages[0].browserSkipped}`] : []),
    `portfolio page < ${serveTargets.portfolioPageMs} ms: ${ok(verdicts['portfolio_page'])}`,
    `metrics API, ${api.connections} connections, ${api.seconds.toFixed(1)} s: ${api.requestsPerSecond.toFixed(0)} req/s, p50 ${api.p50Ms.toFixed(2)} ms, p99 ${api.p99Ms.toFixed(2)} ms, max ${api.maxMs.toFixed(1)} ms, ${api.failures} failures`,
    `  ≥ ${serveTargets.apiRequestsPerSecond} req/s: ${ok(verdicts['api_throughput'])}; p99 ≤ ${serveTargets.apiP99Ms} ms: ${ok(verdicts['api_p99'])}`,
    `/health/pack for comparison: ${health.requestsPerSecond.toFixed(0)} req/s, p99 ${health.p99Ms.toFixed(2)} ms`,
  ];
  return `${lines.join('\n')}\n`;
}
