import { resolve } from 'node:path';
import { OfflineRecorder, type HttpProviders } from '@truth-spine/providers';
import type { CliIo } from '../cli/io.js';
import type { FetchOptions } from './fetchOptions.js';

/**
 * `fetch record --out DIR --symbols A,B --from D --to D [--provider polygon|fmp]
 * [--pairs EURUSD] [--series DGS10] [--fundamentals] [--news-query TEXT] [--name N]
 * [--description T]`: fetches live data and saves it into an offline data set
 * (truth-spine-offline/1), merging with what DIR holds. Prices, dividends and splits of
 * the symbols and FX of the pairs come from `--provider`; macro series from FRED;
 * fundamentals from FMP; news from NewsAPI. Returns a summary for stdout.
 */
export async function recordOfflineDataSet(
  options: FetchOptions,
  providers: HttpProviders,
  io: CliIo,
) {
  const out = resolve(io.cwd, options.required('out'));
  const range = options.range();
  const source = providers[options.provider(['polygon', 'fmp'])];
  const recorder = new OfflineRecorder(out, {
    name: options.optional('name'),
    description: options.optional('description'),
    generatedBy: 'truth-spine fetch record',
  });
  const written: Record<string, number> = {};
  if (options.optional('symbols') !== undefined) {
    const request = { symbols: options.symbols(), ...range };
    const prices = await source.dailyBars(request);
    const dividends = await source.dividends(request);
    const splits = await source.splits(request);
    await recorder.writePrices(prices);
    await recorder.writeDividends(dividends);
    await recorder.writeSplits(splits);
    written['prices'] = prices.reduce((n, s) => n + s.bars.length, 0);
    written['dividends'] = dividends.length;
    written['splits'] = splits.length;
  }
  if (options.optional('pairs') !== undefined) {
    const fx = await source.fxRates({ pairs: options.pairs(), ...range });
    await recorder.writeFx(fx);
    written['fx'] = fx.reduce((n, s) => n + s.rates.length, 0);
  }
  if (options.optional('series') !== undefined) {
    const macro = await providers.fred.macroSeries({ seriesIds: options.series(), ...range });
    await recorder.writeMacro(macro);
    written['macro'] = macro.reduce((n, s) => n + s.observations.length, 0);
  }
  if (options.flag('fundamentals')) {
    const fundamentals = await providers.fmp.fundamentals(options.symbols());
    await recorder.writeFundamentals(fundamentals);
    written['fundamentals'] = fundamentals.length;
  }
  const newsQuery = options.optional('news-query');
  if (newsQuery !== undefined) {
    const news = await providers.newsapi.news({ query: newsQuery, from: range.from, to: range.to });
    await recorder.writeNews(news.articles, news.provider);
    written['news'] = news.articles.length;
  }
  const manifest = await recorder.finish(new Date());
  return { out, manifest, written };
}
