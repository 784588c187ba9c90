import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpProviders, type HttpProviders } from '../createProviders.js';
import { startFakeProviderServer, type FakeProviderServer } from '../testing/fakeProviderServer.js';
import { testApiKeys, testProviderConfig } from '../testing/testProviderConfig.js';
import { OfflineRecorder } from './offlineRecorder.js';
import { OfflineReplaySource } from './offlineReplaySource.js';

let server: FakeProviderServer;
let providers: HttpProviders;
let dir: string;

beforeAll(async () => {
  server = await startFakeProviderServer({ apiKeys: testApiKeys });
  providers = createHttpProviders(testProviderConfig(server));
  dir = await mkdtemp(join(tmpdir(), 'recorder-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function allFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('OfflineRecorder', () => {
  it('writes live responses that the replay source reads back identically', async () => {
    const range = { symbols: ['AAPL'], from: '1990-01-01', to: '2026-12-31' };
    const prices = await providers.fmp.dailyBars(range);
    const fx = await providers.fmp.fxRates({ pairs: ['EURUSD'], from: range.from, to: range.to });
    const macro = await providers.fred.macroSeries({
      seriesIds: ['DGS10'],
      from: '2025-06-16',
      to: '2025-06-20',
    });
    const dividends = await providers.polygon.dividends({
      symbols: ['CSSEN'],
      from: range.from,
      to: range.to,
    });
    const splits = await providers.fmp.splits(range);
    const fundamentals = await providers.fmp.fundamentals(['KO']);
    const news = await providers.newsapi.news({ query: 'ETF', from: '2021-12-01' });

    const recorder = new OfflineRecorder(dir, {
      name: 'test',
      description: 'recorded in a test',
      generatedBy: 'vitest',
    });
    await recorder.writePrices(prices);
    await recorder.writeFx(fx);
    await recorder.writeMacro(macro);
    await recorder.writeDividends(dividends);
    await recorder.writeSplits(splits);
    await recorder.writeFundamentals(fundamentals);
    await recorder.writeNews(news.articles, news.provider);
    const manifest = await recorder.finish(new Date('2026-11-27T00:00:00Z'));
    expect(manifest).toEqual({
      format: 'truth-spine-offline/1',
      name: 'test',
      description: 'recorded in a test',
      generated_by: 'vitest',
      calendar: { first: '2025-01-02', last: '2025-01-10' },
    });

    const replay = new OfflineReplaySource(dir);
    const strip = <T extends { provider: string }>(rows: T[]) =>
      rows.map(({ provider: _p, ...rest }) => rest);
    expect(strip(await replay.dailyBars(range))).toEqual(strip(prices));
    expect(
      strip(await replay.fxRates({ pairs: ['EURUSD'], from: range.from, to: range.to })),
    ).toEqual(strip(fx));
    const [dgs10] = await replay.macroSeries({
      seriesIds: ['DGS10'],
      from: '2025-06-16',
      to: '2025-06-20',
    });
    expect(dgs10?.observations).toEqual(macro[0]?.observations);
    expect(dgs10?.observations[2]).toEqual({ date: '2025-06-19', value: null });
    expect(
      strip(await replay.dividends({ symbols: ['CSSEN'], from: range.from, to: range.to })),
    ).toEqual(strip(dividends));
    expect(strip(await replay.splits(range))).toEqual(strip(splits));
    expect(strip(await replay.fundamentals(['KO']))).toEqual(strip(fundamentals));
    expect((await replay.news({ query: 'ETF', from: '2021-12-16' })).articles).toEqual(
      news.articles,
    );

    expect(await readFile(join(dir, 'macro/DGS10.csv'), 'utf8')).toBe(
      'date,value\n2025-06-16,4.18\n2025-06-17,4.21\n2025-06-19,\n2025-06-20,4.24\n',
    );
    expect(await readFile(join(dir, 'SOURCES.md'), 'utf8')).toContain(
      'prices/AAPL: 6 row(s) from fmp',
    );
    for (const file of await allFiles(dir)) {
      const text = await readFile(file, 'utf8');
      for (const key of Object.values(testApiKeys)) expect(text).not.toContain(key);
    }
  });

  it('merges a second recording by date instead of duplicating', async () => {
    const recorder = new OfflineRecorder(dir, { generatedBy: 'vitest' });
    await recorder.writePrices([
      {
        symbol: 'AAPL',
        provider: 'polygon',
        bars: [
          { date: '2025-01-10', open: null, high: null, low: null, close: '237.00', volume: null },
          { date: '2025-01-13', open: null, high: null, low: null, close: '234.40', volume: null },
        ],
      },
    ]);
    const manifest = await recorder.finish(new Date('2026-11-27T00:00:00Z'));
    expect(manifest).toMatchObject({
      name: 'test',
      description: 'recorded in a test',
      calendar: { first: '2025-01-02', last: '2025-01-13' },
    });
    const [aapl] = await new OfflineReplaySource(dir).dailyBars({
      symbols: ['AAPL'],
      from: '2025-01-08',
      to: '2025-01-31',
    });
    expect(aapl?.bars.map((b) => [b.date, b.close])).toEqual([
      ['2025-01-08', '242.7'],
      ['2025-01-10', '237.00'],
      ['2025-01-13', '234.40'],
    ]);
  });
});
