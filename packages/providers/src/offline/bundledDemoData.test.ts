import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OfflineReplaySource } from './offlineReplaySource.js';

/** The repository's bundled demo data set (written by apps/bench's demo-data generator). */
const root = fileURLToPath(new URL('../../../../data/demo/market/', import.meta.url));
const everything = { from: '0000-01-01', to: '9999-12-31' };

async function stems(dir: string, suffix: string): Promise<string[]> {
  return (await readdir(`${root}${dir}`))
    .filter((n) => n.endsWith(suffix))
    .map((n) => n.slice(0, -suffix.length));
}

describe('the bundled demo data set', () => {
  it('is read whole by the replay source, with a manifest calendar spanning its prices', async () => {
    const source = new OfflineReplaySource(root);
    const manifest = await source.manifest();
    const prices = await source.dailyBars({
      symbols: await stems('prices', '.csv'),
      ...everything,
    });
    const dates = prices.flatMap((s) => s.bars.map((b) => b.date)).sort();
    expect(prices.every((s) => s.bars.length > 0)).toBe(true);
    expect(manifest.calendar).toEqual({ first: dates[0], last: dates.at(-1) });

    const fx = await source.fxRates({ pairs: await stems('fx', '.csv'), ...everything });
    const macro = await source.macroSeries({
      seriesIds: await stems('macro', '.csv'),
      ...everything,
    });
    expect(
      [...fx.map((s) => s.rates.length), ...macro.map((s) => s.observations.length)].every(
        (n) => n > 0,
      ),
    ).toBe(true);
    const symbols = prices.map((s) => s.symbol);
    const dividends = await source.dividends({ symbols, ...everything });
    expect(dividends.every((d) => d.currency !== null)).toBe(true);
    await source.splits({ symbols, ...everything });
    const fundamentals = await source.fundamentals(await stems('fundamentals', '.json'));
    expect(fundamentals.every((f) => f.periods.length > 0)).toBe(true);
  });
});
