import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { OfflineReplaySource } from './offlineReplaySource.js';

const sample = fileURLToPath(new URL('../__fixtures__/offline-sample/', import.meta.url));
const source = new OfflineReplaySource(sample);
const temporaryDirs: string[] = [];

afterEach(async () => {
  await Promise.all(
    temporaryDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })),
  );
});

/** A copy of the sample with one file replaced. */
async function sampleWith(relative: string, text: string): Promise<OfflineReplaySource> {
  const dir = await mkdtemp(join(tmpdir(), 'offline-'));
  temporaryDirs.push(dir);
  await cp(sample, dir, { recursive: true });
  await writeFile(join(dir, relative), text);
  return new OfflineReplaySource(dir);
}

describe('OfflineReplaySource', () => {
  it('reads the manifest', async () => {
    expect(await source.manifest()).toMatchObject({
      format: 'truth-spine-offline/1',
      calendar: { first: '2025-01-02', last: '2025-01-06' },
    });
  });

  it('serves bars in range with strings as written and blanks as null', async () => {
    const [aapl, brk, none] = await source.dailyBars({
      symbols: ['AAPL', 'BRK-B', 'MSFT'],
      from: '2025-01-03',
      to: '2025-01-06',
    });
    expect(aapl?.bars.map((b) => b.close)).toEqual(['243.36', '245.00']);
    expect(aapl?.provider).toBe('offline');
    expect(brk?.bars).toEqual([
      { date: '2025-01-03', open: null, high: null, low: null, close: '456.10', volume: null },
    ]);
    expect(none).toEqual({ symbol: 'MSFT', provider: 'offline', bars: [] });
  });

  it('builds the grouped bars of a date from every price file', async () => {
    const grouped = await source.groupedDaily('2025-01-03');
    expect(grouped.bars.map((b) => [b.symbol, b.close])).toEqual([
      ['AAPL', '243.36'],
      ['BRK-B', '456.10'],
    ]);
  });

  it('serves FX, macro with missing as null, corporate actions and fundamentals', async () => {
    const [eurusd] = await source.fxRates({
      pairs: ['EURUSD'],
      from: '2025-01-03',
      to: '2025-01-31',
    });
    expect(eurusd?.rates).toEqual([
      { date: '2025-01-03', rate: '1.0309' },
      { date: '2025-01-06', rate: '1.0388' },
    ]);
    const [dgs10] = await source.macroSeries({
      seriesIds: ['DGS10'],
      from: '2025-01-01',
      to: '2025-01-31',
    });
    expect(dgs10?.observations.at(-1)).toEqual({ date: '2025-01-06', value: null });
    expect(
      await source.dividends({ symbols: ['ASML'], from: '2025-01-01', to: '2025-12-31' }),
    ).toEqual([
      {
        symbol: 'ASML',
        ex_date: '2025-01-03',
        record_date: null,
        pay_date: '2025-02-18',
        amount: '1.52',
        currency: 'EUR',
        provider: 'offline',
      },
    ]);
    expect(
      await source.splits({ symbols: ['AAPL'], from: '2020-01-01', to: '2020-12-31' }),
    ).toHaveLength(1);
    const [ko, unknown] = await source.fundamentals(['KO', 'ZZZ']);
    expect(ko?.periods[0]).toMatchObject({ total_debt: null, return_on_equity: '0.4277' });
    expect(unknown).toEqual({ symbol: 'ZZZ', currency: null, provider: 'offline', periods: [] });
  });

  it('finds news by symbol or by text', async () => {
    expect(
      (await source.news({ symbols: ['AAPL'], from: '2025-01-01', to: '2025-01-31' })).articles.map(
        (a) => a.url,
      ),
    ).toEqual(['https://example.com/aapl-1']);
    expect(
      (await source.news({ query: 'yield', from: '2025-01-03' })).articles.map((a) => a.url),
    ).toEqual(['https://example.com/ust-1']);
  });

  it('names file, line and expectation for bad data', async () => {
    const zero = await sampleWith('macro/DGS10.csv', 'date,value\n2025-01-02,.\n');
    await expect(
      zero.macroSeries({ seriesIds: ['DGS10'], from: '2025-01-01', to: '2025-12-31' }),
    ).rejects.toThrow(
      'macro/DGS10.csv:2: column value must be a plain decimal such as 123.45 or blank, got "."',
    );
    const unordered = await sampleWith(
      'prices/AAPL.csv',
      'date,open,high,low,close,volume\n2025-01-03,,,,1,\n2025-01-02,,,,1,\n',
    );
    await expect(
      unordered.dailyBars({ symbols: ['AAPL'], from: '2025-01-01', to: '2025-12-31' }),
    ).rejects.toMatchObject({
      code: 'offline_data',
      file: 'prices/AAPL.csv',
      line: 3,
    });
    const noClose = await sampleWith(
      'prices/AAPL.csv',
      'date,open,high,low,close,volume\n2025-01-03,1,1,1,,\n',
    );
    await expect(
      noClose.dailyBars({ symbols: ['AAPL'], from: '2025-01-01', to: '2025-12-31' }),
    ).rejects.toThrow('prices/AAPL.csv:2: column close must be a plain decimal');
    const badManifest = await sampleWith(
      'manifest.json',
      '{"format": "other/2", "name": "x", "description": "", "generated_by": "x", "calendar": {"first": "2025-01-02", "last": "2025-01-06"}}',
    );
    await expect(badManifest.manifest()).rejects.toThrow(/^manifest\.json: format must be/);
  });
});
