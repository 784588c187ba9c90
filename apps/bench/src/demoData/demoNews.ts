import Big from 'big.js';
import type { DemoMarket } from './demoMarket.js';
import { DemoDataError } from './demoDataError.js';
import type { JournalEntry } from './journal.js';
import type { NewsSpec } from './types.js';

/** One article of `news/<date>.json` (offline format, packages/providers/docs/OFFLINE-FORMAT.md). */
export interface OfflineArticle {
  readonly symbols: readonly string[];
  readonly source: string;
  readonly author: string | null;
  readonly title: string | null;
  readonly description: string | null;
  readonly url: string;
  readonly published_at: string;
  readonly content: string | null;
}

/** The fields of a NewsAPI v2 `/v2/everything` article, as the real payload has them. */
const newsApiArticleKeys = [
  'author',
  'content',
  'description',
  'publishedAt',
  'source',
  'title',
  'url',
  'urlToImage',
];

/**
 * The bundled news (*sample data*): for each date of `spec.dates` and each security held
 * by a demo portfolio at that date's close (buys − sells + split shares of the journals, by
 * trade date), one article stating the security's raw close that day (to the cent in the
 * title, as written in the description) and its change from
 * the previous trading day's close (`(close − previous) / previous`, in %, 2 decimals,
 * half up) — facts of the bundled prices, not real news. Each article is first built as a
 * NewsAPI `/v2/everything` article with exactly the fields of the real payload
 * `envelopeText` (checked: a payload of another shape is an error naming `spec.envelope`),
 * then normalised the way the providers' NewsAPI client does (`source.name` → `source`,
 * `publishedAt` → `published_at`, `symbols` = the symbol the title names; `urlToImage`
 * dropped). URLs are on the reserved `.example` domain (RFC 2606): they lead nowhere.
 * Returns the articles per date, each day's sorted by symbol.
 */
export function buildDemoNews(
  spec: NewsSpec,
  envelopeText: string,
  market: DemoMarket,
  journals: ReadonlyMap<string, readonly JournalEntry[]>,
): Map<string, OfflineArticle[]> {
  checkEnvelope(spec, envelopeText);
  const days = market.calendar.days;
  const byDate = new Map<string, OfflineArticle[]>();
  for (const date of spec.dates) {
    const index = days.indexOf(date);
    if (index < 1) {
      throw new DemoDataError(
        'DEMO_PLAN_INVALID',
        `news date ${date} is not a trading day after the first of the data set`,
      );
    }
    const previous = days[index - 1] as string;
    byDate.set(
      date,
      heldOn(date, journals).map((symbol) => {
        const { name, currency } = market.security(symbol);
        const close = market.close(symbol, date);
        const before = market.close(symbol, previous);
        const change = new Big(close)
          .minus(before)
          .div(before)
          .times(100)
          .round(2, Big.roundHalfUp);
        const signed = `${change.gte(0) ? '+' : ''}${change.toFixed(2)}`;
        const article = {
          source: { id: null, name: spec.wire },
          author: null,
          title: `${name} (${symbol}) closes at ${new Big(close).round(2, Big.roundHalfUp).toFixed(2)} ${currency} on ${date}, ${signed}% on the day`,
          description: `${symbol} closed at ${close} ${currency} on ${date} after ${before} ${currency} on ${previous}. Sample article of the truth-spine offline demo, generated from the bundled closes; not real news.`,
          url: `https://news.example/truth-spine-demo/${date}/${symbol.toLowerCase()}-close`,
          urlToImage: null,
          publishedAt: `${date}T21:30:00Z`,
          content: null,
        };
        return {
          symbols: [symbol],
          source: article.source.name,
          author: article.author,
          title: article.title,
          description: article.description,
          url: article.url,
          published_at: article.publishedAt,
          content: article.content,
        };
      }),
    );
  }
  return byDate;
}

/** Symbols with a positive position in any portfolio at the end of `date`, sorted. */
function heldOn(date: string, journals: ReadonlyMap<string, readonly JournalEntry[]>): string[] {
  const units = new Map<string, Big>();
  for (const entries of journals.values()) {
    for (const row of entries.flatMap((e) => e.rows)) {
      if (row.tradeDate > date) continue;
      const sign = row.type === 'buy' || row.type === 'split' ? 1 : row.type === 'sell' ? -1 : 0;
      if (sign === 0) continue;
      units.set(
        row.symbol,
        (units.get(row.symbol) ?? new Big(0)).plus(new Big(row.quantity).times(sign)),
      );
    }
  }
  return [...units]
    .filter(([, n]) => n.gt(0))
    .map(([symbol]) => symbol)
    .sort();
}

/** The envelope must be a NewsAPI `ok` answer whose first article has exactly the expected fields. */
function checkEnvelope(spec: NewsSpec, text: string): void {
  const fail = (what: string): never => {
    throw new DemoDataError('DEMO_SOURCE_MALFORMED', `${spec.envelope.path}: ${what}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('not JSON');
  }
  const body = parsed as { status?: unknown; articles?: unknown };
  if (body.status !== 'ok' || !Array.isArray(body.articles) || body.articles.length === 0) {
    return fail('expected a NewsAPI answer {"status":"ok","articles":[…]} with an article');
  }
  const first = body.articles[0] as Record<string, unknown>;
  const keys = Object.keys(first).sort();
  if (keys.join(',') !== newsApiArticleKeys.join(',')) {
    return fail(`article fields ${keys.join(', ')}; expected ${newsApiArticleKeys.join(', ')}`);
  }
  const source = first['source'] as Record<string, unknown> | null;
  if (
    source === null ||
    typeof source !== 'object' ||
    Object.keys(source).sort().join(',') !== 'id,name'
  ) {
    return fail('article source must be {"id", "name"}');
  }
}
