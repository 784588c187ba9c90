import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { OfflineReplaySource } from '@truth-spine/providers';
import {
  startFakeProviderServer,
  testApiKeys,
  testProviderEnv,
  type FakeProviderServer,
} from '@truth-spine/providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli/io.js';
import { runCli } from '../cli/runCli.js';

let server: FakeProviderServer;
let env: Record<string, string>;
const keys = Object.values(testApiKeys);

beforeAll(async () => {
  server = await startFakeProviderServer({ apiKeys: testApiKeys });
  env = testProviderEnv(server);
});
afterAll(() => server.close());

async function fetchCli(args: string[], extraEnv: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { ...env, ...extraEnv },
    cwd: tmpdir(),
  };
  const code = await runCli(['fetch', ...args], io);
  const stdout = out.join('');
  const stderr = err.join('');
  for (const key of keys) {
    expect(stdout).not.toContain(key);
    expect(stderr).not.toContain(key);
  }
  return { code, stdout, stderr };
}

describe('fetch command', () => {
  it('prints Polygon prices as normalised JSON and nothing on stderr', async () => {
    const { code, stdout, stderr } = await fetchCli([
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
    ]);
    expect([code, stderr]).toEqual([0, '']);
    const [aapl] = JSON.parse(stdout) as {
      symbol: string;
      bars: { date: string; close: string }[];
    }[];
    expect(aapl?.symbol).toBe('AAPL');
    expect(aapl?.bars.map((b) => [b.date, b.close])).toEqual([
      ['2005-04-01', '1.4604'],
      ['2005-04-04', '1.4675'],
    ]);
  });

  it('prints FRED series with a missing value as null', async () => {
    const { code, stdout } = await fetchCli([
      'fred',
      '--series',
      'DGS10,DFII10',
      '--from',
      '2025-06-16',
      '--to',
      '2025-06-20',
      '--json',
    ]);
    expect(code).toBe(0);
    const series = JSON.parse(stdout) as {
      series_id: string;
      observations: { date: string; value: string | null }[];
    }[];
    expect(series.map((s) => s.series_id)).toEqual(['DGS10', 'DFII10']);
    expect(series[1]?.observations).toEqual([
      { date: '2025-06-16', value: '1.87' },
      { date: '2025-06-17', value: '1.89' },
      { date: '2025-06-19', value: null },
      { date: '2025-06-20', value: '1.91' },
    ]);
  });

  it('serves grouped, dividends, fx, fundamentals and news', async () => {
    const grouped = await fetchCli([
      'grouped',
      '--provider',
      'polygon',
      '--date',
      '2020-10-14',
      '--json',
    ]);
    expect(JSON.parse(grouped.stdout)).toMatchObject({
      date: '2020-10-14',
      bars: [{ symbol: 'GIK', close: '10.02' }],
    });
    const dividends = await fetchCli([
      'dividends',
      '--provider',
      'fmp',
      '--symbols',
      'AAPL',
      '--from',
      '2025-01-01',
      '--to',
      '2025-12-31',
      '--json',
    ]);
    expect((JSON.parse(dividends.stdout) as { ex_date: string }[]).map((d) => d.ex_date)).toEqual([
      '2025-05-12',
      '2025-08-11',
    ]);
    const fx = await fetchCli([
      'fx',
      '--provider',
      'fmp',
      '--pairs',
      'EURUSD',
      '--from',
      '2026-07-03',
      '--to',
      '2026-07-06',
      '--json',
    ]);
    expect(JSON.parse(fx.stdout)).toMatchObject([
      { pair: 'EURUSD', rates: [{ date: '2026-07-03', rate: '1.14376' }, {}, {}] },
    ]);
    const fundamentals = await fetchCli(['fundamentals', '--symbols', 'KO', '--json']);
    expect(JSON.parse(fundamentals.stdout)).toMatchObject([
      { symbol: 'KO', currency: 'USD', periods: [{ revenue: '466823000000' }, {}] },
    ]);
    const news = await fetchCli(['news', '--query', 'ETF', '--from', '2021-12-01', '--json']);
    const bySymbol = await fetchCli(['news', '--symbols', 'DRIV', '--from', '2021-12-01']);
    expect(JSON.parse(bySymbol.stdout)).toMatchObject({ articles: [{ symbols: ['DRIV'] }] });
    expect(server.lastRequest().query.get('q')).toBe('DRIV');
    expect((await fetchCli(['news', '--from', '2021-12-01'])).stderr).toBe(
      'fetch news: --query is required\n',
    );
    expect(JSON.parse(news.stdout)).toMatchObject({
      truncated: true,
      articles: [{ source: 'Motley Fool Australia' }],
    });
  });

  it('retries a 503 and a 429 and still succeeds', async () => {
    server.script(
      /^\/v2\/aggs\/ticker\/MSFT\//,
      { status: 503, rawBody: 'busy' },
      {
        status: 429,
        headers: { 'retry-after': '0' },
        fixture: 'polygon/error-429-rate-limit.json',
      },
    );
    const { code, stderr } = await fetchCli([
      'prices',
      '--provider',
      'polygon',
      '--symbols',
      'MSFT',
      '--from',
      '2005-04-01',
      '--to',
      '2005-04-04',
    ]);
    expect([code, stderr]).toEqual([0, '']);
  });

  it('fails with one stderr line naming provider, endpoint and reason on a bad key', async () => {
    const { code, stdout, stderr } = await fetchCli(
      [
        'prices',
        '--provider',
        'fmp',
        '--symbols',
        'AAPL',
        '--from',
        '2025-01-02',
        '--to',
        '2025-01-10',
      ],
      { FMP_API_KEY: 'definitely-wrong-key' },
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^fetch prices: fmp \/stable\/historical-price-eod\/full: HTTP 401 unauthorized — Invalid API KEY\..*\n$/,
    );
    expect(stderr.split('\n')).toHaveLength(2);
    expect(stderr).not.toContain('definitely-wrong-key');
  });

  it('fails on a malformed payload with the field', async () => {
    server.script('/fred/series/observations', {
      rawBody: '{"count": 2, "offset": 0, "observations": [{"date": "2025-06-16"',
    });
    const { code, stderr } = await fetchCli([
      'fred',
      '--series',
      'DGS10',
      '--from',
      '2025-06-16',
      '--to',
      '2025-06-20',
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^fetch fred: fred \/fred\/series\/observations: unexpected response: field \(body\) must be JSON, received/,
    );
  });

  it('exits 64 naming the argument or setting at fault', async () => {
    expect(
      await fetchCli(['prices', '--symbols', 'AAPL', '--from', '2025-13-01', '--to', '2025-12-31']),
    ).toMatchObject({
      code: 64,
      stderr: 'fetch prices: --from must be a date YYYY-MM-DD, got "2025-13-01"\n',
    });
    expect(
      await fetchCli([
        'prices',
        '--provider',
        'fred',
        '--symbols',
        'A',
        '--from',
        '2025-01-01',
        '--to',
        '2025-01-02',
      ]),
    ).toMatchObject({
      code: 64,
      stderr: 'fetch prices: --provider must be one of polygon, fmp, got "fred"\n',
    });
    const noKey = await fetchCli(
      ['fred', '--series', 'DGS10', '--from', '2025-01-01', '--to', '2025-01-02'],
      { FRED_API_KEY: '' },
    );
    expect(noKey).toMatchObject({
      code: 64,
      stderr:
        'fetch fred: FRED_API_KEY: not set; fred /fred/series/observations needs an API key\n',
    });
    const badUrl = await fetchCli(
      ['fred', '--series', 'DGS10', '--from', '2025-01-01', '--to', '2025-01-02'],
      { FRED_BASE_URL: 'https://api.stlouisfed.org/fred' },
    );
    expect(badUrl.code).toBe(64);
    expect(badUrl.stderr).toContain('FRED_BASE_URL: must be a URL with scheme and host only');
    expect((await fetchCli(['nonsense'])).code).toBe(64);
  });

  it('records an offline data set the replay source reads', async () => {
    const out = await mkdtemp(join(tmpdir(), 'fetch-record-'));
    try {
      const { code, stdout } = await fetchCli([
        'record',
        '--out',
        out,
        '--provider',
        'fmp',
        '--symbols',
        'AAPL',
        '--from',
        '2025-01-01',
        '--to',
        '2025-12-31',
        '--pairs',
        'EURUSD',
        '--series',
        'DGS10',
        '--fundamentals',
        '--name',
        'mine',
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({
        manifest: {
          format: 'truth-spine-offline/1',
          name: 'mine',
          calendar: { first: '2025-01-02', last: '2025-01-10' },
        },
        written: { prices: 6, dividends: 2, splits: 0, fx: 3, macro: 4, fundamentals: 1 },
      });
      const replay = new OfflineReplaySource(out);
      const [dgs10] = await replay.macroSeries({
        seriesIds: ['DGS10'],
        from: '2025-01-01',
        to: '2025-12-31',
      });
      expect(dgs10?.observations[2]?.value).toBeNull();
      expect(await readFile(join(out, 'corporate-actions/dividends.csv'), 'utf8')).toBe(
        'symbol,ex_date,record_date,pay_date,amount,currency\nAAPL,2025-05-12,2025-05-12,2025-05-15,0.26,\nAAPL,2025-08-11,2025-08-11,2025-08-14,0.26,\n',
      );
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('runs as a real process that prints JSON and exits by itself', async () => {
    const main = fileURLToPath(new URL('../main.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@truth-spine/source',
        main,
        'fetch',
        'fred',
        '--series',
        'DGS10',
        '--from',
        '2025-06-16',
        '--to',
        '2025-06-20',
        '--json',
      ],
      { env: { ...process.env, ...env }, timeout: 90_000 },
    );
    expect(JSON.parse(stdout)).toMatchObject([
      { series_id: 'DGS10', observations: [{}, {}, { value: null }, {}] },
    ]);
  }, 120_000);
});
