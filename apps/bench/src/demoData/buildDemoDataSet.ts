import { createHash } from 'node:crypto';
import { formatCsv, readCsvTable } from './csv.js';
import { DemoMarket } from './demoMarket.js';
import { buildDemoNews } from './demoNews.js';
import { dividendEvents } from './dividendEvents.js';
import { type RateSeries, crossRates, readEcbRates } from './ecbRates.js';
import { type MacroObservation, readFredSeries } from './fredSeries.js';
import { buildFundamentals } from './fundamentals.js';
import { inferDividends } from './inferDividends.js';
import type { JournalEntry } from './journal.js';
import { readSourceBars } from './readSourceBars.js';
import { simulatePortfolio } from './simulatePortfolio.js';
import { TradingCalendar } from './tradingCalendar.js';
import type { DemoDataSpec, DividendEvent, PriceBar, SourceFile } from './types.js';
import { toPriceBar, undoSplitAdjustment } from './undoSplitAdjustment.js';
import { writeBeancount } from './writeBeancount.js';
import { writeDocs } from './writeDocs.js';
import { DemoDataError } from './demoDataError.js';

/** Reads a source file's text by its path relative to the source directory. */
export type SourceReader = (path: string) => string;

/** What a generation produced: every output file (relative path → content), plus facts for docs. */
export interface DemoDataSet {
  readonly files: ReadonlyMap<string, string>;
  readonly market: DemoMarket;
  readonly journals: ReadonlyMap<string, readonly JournalEntry[]>;
}

/** Identifies the generator in manifest.json and SOURCES.md. */
export const generatorName = 'apps/bench/src/demoData (npm run bench -- demo-data)';

/**
 * Builds the whole demo data set from the source files named in `spec`: market data in
 * the offline format under `market/`, books at the top (docs/DATA-FORMATS.md), one Beancount ledger per
 * portfolio under `ledgers/`, README.md and SOURCES.md files. A pure function of the
 * spec and the source texts, so two runs give byte-identical output.
 */
export function buildDemoDataSet(spec: DemoDataSpec, read: SourceReader): DemoDataSet {
  const used = new Map<string, { file: SourceFile; sha256: string }>();
  const source = (file: SourceFile): string => {
    let text: string;
    try {
      text = read(file.path);
    } catch (error) {
      throw new DemoDataError(
        'DEMO_SOURCE_MISSING',
        `cannot read source file ${file.path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    used.set(file.path, { file, sha256: createHash('sha256').update(text).digest('hex') });
    return text;
  };
  const files = new Map<string, string>();
  const inWindow = (date: string): boolean => date >= spec.firstDate && date <= spec.lastDate;

  const sourceBars = new Map(
    spec.securities.map((s) => {
      const splits = spec.splits.filter((x) => x.symbol === s.symbol);
      return [
        s.symbol,
        undoSplitAdjustment(
          readSourceBars(source(s.prices), s.prices.path, spec.firstDate, spec.lastDate),
          splits,
        ),
      ];
    }),
  );
  const calendarBars = sourceBars.get(spec.calendarSymbol);
  if (calendarBars === undefined)
    throw new DemoDataError(
      'DEMO_PLAN_INVALID',
      `calendar symbol ${spec.calendarSymbol} is not a security of the spec`,
    );
  const calendar = new TradingCalendar(calendarBars.map((b) => b.date).filter(inWindow));
  const prices = new Map<string, PriceBar[]>();
  const dividends: DividendEvent[] = [];
  for (const security of spec.securities) {
    const bars = sourceBars.get(security.symbol) ?? [];
    prices.set(security.symbol, bars.filter((b) => inWindow(b.date)).map(toPriceBar));
    const inferred = inferDividends(bars, security.prices.path).filter((d) => inWindow(d.exDate));
    dividends.push(...dividendEvents(security, inferred, spec.declaredDividends, calendar));
  }

  const ecb = readEcbRates(
    source(spec.ecb),
    spec.ecb.path,
    spec.ecbCurrencies,
    spec.firstDate,
    spec.lastDate,
  );
  const fx = new Map<string, RateSeries>(ecb.map((s) => [s.pair, s]));
  for (const { base, quote } of spec.fxCrosses) {
    const eurBase = fx.get(`EUR${base}`);
    const eurQuote = fx.get(`EUR${quote}`);
    if (eurBase === undefined || eurQuote === undefined)
      throw new DemoDataError(
        'DEMO_PLAN_INVALID',
        `cross ${base}${quote} needs EUR${base} and EUR${quote} in ecbCurrencies`,
      );
    fx.set(`${base}${quote}`, crossRates(eurBase, eurQuote, base, quote));
  }
  const macro = new Map<string, MacroObservation[]>(
    spec.macro.map((m) => [
      m.id,
      readFredSeries(source(m.file), m.file.path, spec.firstDate, spec.lastDate),
    ]),
  );
  const market = new DemoMarket(
    calendar,
    new Map(spec.securities.map((s) => [s.symbol, s])),
    prices,
    dividends,
    spec.splits,
    fx,
    macro,
  );

  files.set(
    'market/manifest.json',
    json({
      format: 'truth-spine-offline/1',
      name: spec.name,
      description: spec.description,
      generated_by: generatorName,
      calendar: { first: calendar.days[0], last: calendar.days.at(-1) },
    }),
  );
  for (const [symbol, bars] of prices) {
    files.set(
      `market/prices/${symbol.replaceAll('/', '_')}.csv`,
      formatCsv([
        ['date', 'open', 'high', 'low', 'close', 'volume'],
        ...bars.map((b) => [b.date, b.open, b.high, b.low, b.close, b.volume]),
      ]),
    );
  }
  for (const series of fx.values()) {
    files.set(
      `market/fx/${series.pair}.csv`,
      formatCsv([['date', 'rate'], ...series.dates.map((d) => [d, series.rates.get(d) as string])]),
    );
  }
  for (const [id, observations] of macro) {
    files.set(
      `market/macro/${id}.csv`,
      formatCsv([['date', 'value'], ...observations.map((o) => [o.date, o.value])]),
    );
  }
  const sortedDividends = [...dividends].sort((a, b) =>
    a.symbol === b.symbol ? (a.exDate < b.exDate ? -1 : 1) : a.symbol < b.symbol ? -1 : 1,
  );
  files.set(
    'market/corporate-actions/dividends.csv',
    formatCsv([
      ['symbol', 'ex_date', 'record_date', 'pay_date', 'amount', 'currency'],
      ...sortedDividends.map((d) => [
        d.symbol,
        d.exDate,
        d.recordDate,
        d.payDate,
        d.amount,
        d.currency,
      ]),
    ]),
  );
  files.set(
    'market/corporate-actions/splits.csv',
    formatCsv([
      ['symbol', 'date', 'numerator', 'denominator'],
      ...spec.splits.map((s) => [s.symbol, s.date, String(s.numerator), String(s.denominator)]),
    ]),
  );
  const kaggle =
    spec.kaggleFundamentals === undefined
      ? undefined
      : readCsvTable(source(spec.kaggleFundamentals), spec.kaggleFundamentals.path);
  for (const f of spec.fundamentals) {
    const recent = f.recent === undefined ? undefined : source(f.recent);
    files.set(
      `market/fundamentals/${f.symbol}.json`,
      json(buildFundamentals(f, recent, kaggle, spec.lastDate)),
    );
  }

  files.set(
    'portfolios.json',
    json({
      portfolios: spec.portfolios.map((p) => ({
        id: p.id,
        name: p.name,
        base_currency: p.baseCurrency,
        benchmark: p.benchmark,
        inception: p.inception,
      })),
    }),
  );
  files.set(
    'securities.csv',
    formatCsv([
      [
        'symbol',
        'name',
        'currency',
        'kind',
        'country',
        'adr_ratio',
        'underlying',
        'underlying_currency',
      ],
      ...spec.securities.map((s) => [
        s.symbol,
        s.name,
        s.currency,
        s.kind,
        s.country,
        s.adr?.ratio ?? '',
        s.adr?.underlying ?? '',
        s.adr?.currency ?? '',
      ]),
    ]),
  );
  const lastDate = calendar.days.at(-1) as string;
  const journals = new Map<string, readonly JournalEntry[]>();
  for (const plan of spec.portfolios) {
    const entries = simulatePortfolio(plan, market, {
      fees: spec.fees,
      cashRateSeries: spec.cashRateSeries,
      lastDate,
    });
    journals.set(plan.id, entries);
    files.set(
      `transactions/${plan.id}.csv`,
      formatCsv([
        [
          'external_id',
          'trade_date',
          'settle_date',
          'type',
          'symbol',
          'quantity',
          'price',
          'amount',
          'currency',
          'ex_date',
          'pay_date',
          'description',
        ],
        ...entries.flatMap((e) =>
          e.rows.map((r) => [
            r.externalId,
            r.tradeDate,
            r.settleDate,
            r.type,
            r.symbol,
            r.quantity,
            r.price,
            r.amount,
            r.currency,
            r.exDate,
            r.payDate,
            r.description,
          ]),
        ),
      ]),
    );
    files.set(`ledgers/${plan.id}.beancount`, writeBeancount(plan, entries, market, lastDate));
  }
  if (spec.news !== undefined) {
    const news = buildDemoNews(spec.news, source(spec.news.envelope), market, journals);
    for (const [date, articles] of news) files.set(`market/news/${date}.json`, json({ articles }));
  }
  for (const [path, text] of writeDocs(spec, market, journals, [...used.values()], files))
    files.set(path, text);
  return { files, market, journals };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
