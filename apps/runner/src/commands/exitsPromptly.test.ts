import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCopy, type DemoCopy, type RunReport } from '@truth-spine/orchestrator';
import {
  startFakeProviderServer,
  testApiKeys,
  type FakeProviderServer,
} from '@truth-spine/providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTimeoutMs } from './dbTestSupport.js';
import { startRunner, type RunnerExit } from './testing/runnerProcess.js';

/**
 * A finished one-shot command must exit by itself, at once: nothing (a rate-limit timer, a
 * breaker, a socket) may keep its event loop alive. Each command runs as a real process;
 * `lingerMs` is the time from its last output to its exit — seconds at most even on a
 * loaded machine, where the bug this guards against lingered a whole rate-limit interval
 * (a minute for Polygon's default 5/1m).
 */
async function timed(
  args: readonly string[],
  env: Record<string, string>,
): Promise<RunnerExit & { lingerMs: number }> {
  const runner = startRunner(args, env);
  let lastOutputAt = performance.now();
  runner.child.stdout?.on('data', () => (lastOutputAt = performance.now()));
  runner.child.stderr?.on('data', () => (lastOutputAt = performance.now()));
  const killer = setTimeout(() => runner.kill(), 100_000);
  const exit = await runner.exit;
  clearTimeout(killer);
  return { ...exit, lingerMs: performance.now() - lastOutputAt };
}

const LINGER_LIMIT_MS = 5_000;
const AAPL = /^\/v2\/aggs\/ticker\/AAPL\//;
const fetchAapl = [
  'fetch',
  'prices',
  '--provider',
  'polygon',
  '--symbols',
  'AAPL',
  '--from',
  '2005-04-01',
  '--to',
  '2005-04-04',
  '--json',
];

describe('one-shot commands exit as soon as they are done (processes)', () => {
  let server: FakeProviderServer;
  let providerEnv: Record<string, string>;
  let demo: DemoCopy;
  let dir: string;
  beforeAll(async () => {
    server = await startFakeProviderServer({ apiKeys: testApiKeys });
    // the providers' default rate limits and resilience settings: only the hosts and keys
    providerEnv = server.env(testApiKeys);
    demo = await demoCopy(['P-USD-GROWTH']);
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-exits-'));
  });
  afterAll(async () => {
    await server.close();
    await demo.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('fetch after a 429 (Retry-After: 1) and a 503 prints the bars and exits', async () => {
    server.script(
      AAPL,
      {
        status: 429,
        headers: { 'retry-after': '1' },
        fixture: 'polygon/error-429-rate-limit.json',
      },
      { status: 503, rawBody: 'busy' },
    );
    const run = await timed(fetchAapl, providerEnv);
    expect(run.code, run.stderr).toBe(0);
    const [prices] = JSON.parse(run.stdout) as { symbol: string; bars: unknown[] }[];
    expect(prices?.symbol).toBe('AAPL');
    expect(prices?.bars.length).toBeGreaterThan(0);
    expect(run.lingerMs).toBeLessThan(LINGER_LIMIT_MS);
  }, 120_000);

  it('fetch with the circuit breaker opened fails with one line and exits', async () => {
    // two failures open the breaker (threshold 2): the third attempt never reaches the server
    server.script(AAPL, { status: 503, rawBody: 'busy' }, { status: 503, rawBody: 'busy' });
    const before = server.requests.filter((r) => AAPL.test(r.pathname)).length;
    const run = await timed(fetchAapl, {
      ...providerEnv,
      PROVIDER_BREAKER_THRESHOLD: '2',
      PROVIDER_MAX_ATTEMPTS: '4',
      PROVIDER_BACKOFF_BASE_MS: '50',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/polygon.*circuit/i);
    expect(server.requests.filter((r) => AAPL.test(r.pathname)).length - before).toBe(2);
    expect(run.lingerMs).toBeLessThan(LINGER_LIMIT_MS);
  }, 120_000);

  it('fetch whose every attempt times out fails naming the timeout and exits', async () => {
    server.script(AAPL, { delayMs: 4_000 }, { delayMs: 4_000 });
    const run = await timed(fetchAapl, {
      ...providerEnv,
      PROVIDER_TIMEOUT_MS: '300',
      PROVIDER_MAX_ATTEMPTS: '2',
      PROVIDER_BACKOFF_BASE_MS: '50',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/300 ms/);
    expect(run.lingerMs).toBeLessThan(LINGER_LIMIT_MS);
  }, 120_000);

  it(
    'nightly and resume with MARKET_DATA=live against the fake providers (a 429 on the way) exit when done',
    async () => {
      server.script(/^\/v2\/aggs\//, {
        status: 429,
        headers: { 'retry-after': '1' },
        fixture: 'polygon/error-429-rate-limit.json',
      });
      const env = {
        ...providerEnv,
        MARKET_DATA: 'live',
        BOOKS_DIR: demo.booksDir,
        LEDGER_DIR: demo.ledgerDir,
        DATABASE_URL: `pglite://${join(dir, 'live')}`,
      };
      const night = await timed(['nightly', '--date', '2024-03-08', '--json'], env);
      expect([0, 1, 2], night.stderr).toContain(night.code);
      expect(night.lingerMs).toBeLessThan(LINGER_LIMIT_MS);
      const report = JSON.parse(night.stdout) as RunReport;
      const resumed = await timed(['resume', report.run_id, '--json'], env);
      expect([0, 1, 2], resumed.stderr).toContain(resumed.code);
      expect((JSON.parse(resumed.stdout) as RunReport).run_id).toBe(report.run_id);
      expect(resumed.lingerMs).toBeLessThan(LINGER_LIMIT_MS);
    },
    dbTimeoutMs,
  );

  it(
    'backfill, ledger, analyze and books commands exit when done',
    async () => {
      const env = {
        BOOKS_DIR: demo.booksDir,
        LEDGER_DIR: demo.ledgerDir,
        OFFLINE_DATA_DIR: demo.marketDir,
        DATABASE_URL: `pglite://${join(dir, 'offline')}`,
      };
      const backfill = await timed(['backfill', '2024-03-07', '2024-03-08'], env);
      expect(backfill.code, backfill.stderr).toBe(0);
      expect(backfill.lingerMs).toBeLessThan(LINGER_LIMIT_MS);

      const books = await timed(['portfolios', 'list'], env);
      expect(books.code, books.stderr).toBe(0);
      expect(books.stdout).toContain('P-USD-GROWTH');
      expect(books.lingerMs).toBeLessThan(LINGER_LIMIT_MS);

      const ledger = await timed(
        ['ledger', 'check', join(demo.ledgerDir, 'P-USD-GROWTH.beancount')],
        {},
      );
      expect(ledger.code, ledger.stderr).toBe(0);
      expect(ledger.lingerMs).toBeLessThan(LINGER_LIMIT_MS);

      const reference = fileURLToPath(
        new URL(
          '../../../../packages/finance-core/src/__fixtures__/reference/data/',
          import.meta.url,
        ),
      );
      const analyze = await timed(
        [
          'analyze',
          '--portfolio',
          join(reference, 'P2.csv'),
          '--market',
          join(reference, 'market.csv'),
          '--as-of',
          '2024-12-31',
        ],
        {},
      );
      expect(analyze.code, analyze.stderr).toBe(0);
      expect(analyze.lingerMs).toBeLessThan(LINGER_LIMIT_MS);
    },
    dbTimeoutMs,
  );
});
