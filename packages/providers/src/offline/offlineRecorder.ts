import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type {
  Dividend,
  Fundamentals,
  FxSeries,
  MacroSeries,
  NewsArticle,
  PriceSeries,
  Split,
} from '../model/marketData.js';
import { formatCsv, parseCsv } from './csvTable.js';
import {
  offlineFormatId,
  offlineHeaders,
  offlinePaths,
  type OfflineManifest,
} from './offlineFormat.js';
import { OfflineReplaySource } from './offlineReplaySource.js';

/**
 * Who and what a recording is, for `manifest.json` and `SOURCES.md`. A name or
 * description left out keeps the one the directory's manifest already has.
 */
export interface RecordingInfo {
  readonly name?: string;
  readonly description?: string;
  readonly generatedBy: string;
}

/** Rows keyed for merging: later recordings replace earlier rows with the same key. */
function mergeByKey<T>(
  existing: readonly T[],
  incoming: readonly T[],
  key: (row: T) => string,
): T[] {
  const merged = new Map(existing.map((row) => [key(row), row]));
  for (const row of incoming) merged.set(key(row), row);
  return [...merged.values()];
}

/**
 * Writes normalised provider data into an offline data set (`truth-spine-offline/1`,
 * docs/OFFLINE-FORMAT.md) so a user with keys can build their own. Each write merges with
 * what the directory already holds (same date / same action replaced, order restored),
 * writes through a temporary file and rename, and {@link finish} refreshes
 * `manifest.json` (calendar = first and last price date) and appends to `SOURCES.md`.
 * Nothing secret is written: records carry no URLs with keys.
 */
export class OfflineRecorder {
  private readonly notes: string[] = [];

  constructor(
    readonly root: string,
    private readonly info: RecordingInfo,
  ) {}

  /** A reader without cache, so it sees what this recorder wrote a moment ago. */
  private get reader(): OfflineReplaySource {
    return new OfflineReplaySource(this.root);
  }

  /** Merges each symbol's bars into `prices/<SYMBOL>.csv` (key: date). */
  async writePrices(series: readonly PriceSeries[]): Promise<void> {
    for (const s of series) {
      const existing =
        (
          await this.reader.dailyBars({ symbols: [s.symbol], from: '0000-01-01', to: '9999-12-31' })
        )[0]?.bars ?? [];
      const bars = mergeByKey(existing, s.bars, (b) => b.date).sort((a, b) =>
        a.date.localeCompare(b.date),
      );
      await this.write(offlinePaths.prices(s.symbol), formatCsv(offlineHeaders.prices, bars));
      this.note(`prices/${s.symbol}`, s.provider, s.bars.length);
    }
  }

  /** Merges each pair's rates into `fx/<PAIR>.csv` (key: date). */
  async writeFx(series: readonly FxSeries[]): Promise<void> {
    for (const s of series) {
      const existing =
        (await this.reader.fxRates({ pairs: [s.pair], from: '0000-01-01', to: '9999-12-31' }))[0]
          ?.rates ?? [];
      const rates = mergeByKey(existing, s.rates, (r) => r.date).sort((a, b) =>
        a.date.localeCompare(b.date),
      );
      await this.write(offlinePaths.fx(s.pair), formatCsv(offlineHeaders.fx, rates));
      this.note(`fx/${s.pair}`, s.provider, s.rates.length);
    }
  }

  /** Merges each series into `macro/<ID>.csv` (key: date); a missing value stays blank. */
  async writeMacro(series: readonly MacroSeries[]): Promise<void> {
    for (const s of series) {
      const existing =
        (
          await this.reader.macroSeries({
            seriesIds: [s.series_id],
            from: '0000-01-01',
            to: '9999-12-31',
          })
        )[0]?.observations ?? [];
      const rows = mergeByKey(existing, s.observations, (o) => o.date).sort((a, b) =>
        a.date.localeCompare(b.date),
      );
      await this.write(offlinePaths.macro(s.series_id), formatCsv(offlineHeaders.macro, rows));
      this.note(`macro/${s.series_id}`, s.provider, s.observations.length);
    }
  }

  /** Merges dividends (key: symbol + ex-date); a null currency is written blank. */
  async writeDividends(dividends: readonly Dividend[]): Promise<void> {
    await this.mergeActions(offlinePaths.dividends, offlineHeaders.dividends, dividends, 'ex_date');
  }

  /** Merges splits (key: symbol + date). */
  async writeSplits(splits: readonly Split[]): Promise<void> {
    await this.mergeActions(offlinePaths.splits, offlineHeaders.splits, splits, 'date');
  }

  /** Corporate-action rows merged by symbol + `dateColumn`, sorted by date then symbol. */
  private async mergeActions(
    file: string,
    header: readonly string[],
    incoming: readonly (Dividend | Split)[],
    dateColumn: string,
  ): Promise<void> {
    const text = await this.readIfExists(file);
    const existing: Record<string, string>[] =
      text === null ? [] : parseCsv(text, header, file).map((row) => ({ ...row.values }));
    const asRows = incoming.map((action) => ({ ...action }) as unknown as Record<string, string>);
    const dateOf = (row: Record<string, string>) => row[dateColumn] ?? '';
    const rows = mergeByKey(existing, asRows, (row) => `${row['symbol']}|${dateOf(row)}`).sort(
      (a, b) =>
        dateOf(a).localeCompare(dateOf(b)) || (a['symbol'] ?? '').localeCompare(b['symbol'] ?? ''),
    );
    await this.write(file, formatCsv(header, rows));
    for (const provider of new Set(incoming.map((action) => action.provider))) {
      this.note(
        file.replace(/\.csv$/, ''),
        provider,
        incoming.filter((a) => a.provider === provider).length,
      );
    }
  }

  /** Replaces each company's fundamentals file. */
  async writeFundamentals(companies: readonly Fundamentals[]): Promise<void> {
    for (const company of companies) {
      const { provider, ...data } = company;
      await this.write(
        offlinePaths.fundamentals(company.symbol),
        `${JSON.stringify(data, null, 2)}\n`,
      );
      this.note(`fundamentals/${company.symbol}`, provider, company.periods.length);
    }
  }

  /** Adds articles to `news/<publication date>.json` (key: URL). */
  async writeNews(articles: readonly NewsArticle[], provider: string): Promise<void> {
    const byDate = new Map<string, NewsArticle[]>();
    for (const article of articles) {
      const date = article.published_at.slice(0, 10);
      byDate.set(date, [...(byDate.get(date) ?? []), article]);
    }
    for (const [date, incoming] of byDate) {
      // An empty query matches every article, so this is the whole file of that date.
      const existing = (await this.reader.news({ from: date, to: date, query: '' })).articles;
      const merged = mergeByKey(existing, incoming, (a) => a.url).sort((a, b) =>
        a.published_at.localeCompare(b.published_at),
      );
      await this.write(
        offlinePaths.news(date),
        `${JSON.stringify({ articles: merged }, null, 2)}\n`,
      );
    }
    this.note('news', provider, articles.length);
  }

  /**
   * Ensures both corporate-action files exist, rewrites `manifest.json` with the price
   * calendar and appends this recording's lines to `SOURCES.md`. Returns the manifest.
   */
  async finish(now: Date): Promise<OfflineManifest> {
    for (const [file, header] of [
      [offlinePaths.dividends, offlineHeaders.dividends],
      [offlinePaths.splits, offlineHeaders.splits],
    ] as const) {
      if ((await this.readIfExists(file)) === null) await this.write(file, formatCsv(header, []));
    }
    const previousManifest = await this.reader.manifest().catch(() => null);
    const manifest: OfflineManifest = {
      format: offlineFormatId,
      name: this.info.name ?? previousManifest?.name ?? 'recorded',
      description:
        this.info.description ?? previousManifest?.description ?? 'Recorded market data.',
      generated_by: this.info.generatedBy,
      calendar: await this.priceCalendar(now),
    };
    await this.write(offlinePaths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    const previous = (await this.readIfExists(offlinePaths.sources)) ?? '# Sources\n\n';
    const lines = this.notes.map(
      (n) => `- ${now.toISOString()} — ${n} (recorded by ${this.info.generatedBy})`,
    );
    await this.write(offlinePaths.sources, `${previous.trimEnd()}\n${lines.join('\n')}\n`);
    return manifest;
  }

  private note(what: string, provider: string, rows: number): void {
    this.notes.push(`${what}: ${rows} row(s) from ${provider}`);
  }

  private async priceCalendar(now: Date): Promise<{ first: string; last: string }> {
    let names: string[] = [];
    try {
      names = (await readdir(join(this.root, offlinePaths.pricesDir))).filter((n) =>
        n.endsWith('.csv'),
      );
    } catch {
      names = [];
    }
    const reader = this.reader;
    const dates: string[] = [];
    for (const name of names) {
      const [series] = await reader.dailyBars({
        symbols: [name.slice(0, -4)],
        from: '0000-01-01',
        to: '9999-12-31',
      });
      for (const bar of series?.bars ?? []) dates.push(bar.date);
    }
    dates.sort();
    const today = now.toISOString().slice(0, 10);
    return { first: dates[0] ?? today, last: dates.at(-1) ?? today };
  }

  private async readIfExists(relative: string): Promise<string | null> {
    try {
      return await readFile(join(this.root, relative), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private async write(relative: string, text: string): Promise<void> {
    const target = join(this.root, relative);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.tmp-${process.pid}`;
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, target);
  }
}
