import type { MarketDataSource } from '@truth-spine/providers';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@truth-spine/store';
import { insertRows } from '@truth-spine/store';
import { addDays } from '../../pipeline/isoDate.js';
import { sourcedCloses } from './sourcedCloses.js';

/** What the history store should hold up to `to`. */
export interface HistoryRequest {
  /** First date wanted for a key never filled before. */
  readonly from: string;
  readonly to: string;
  readonly symbols: readonly string[];
  readonly currencyOf: ReadonlyMap<string, string>;
  /** FX pairs as written in the source (`EURUSD`). */
  readonly pairs: readonly string[];
  readonly series: readonly string[];
}

/** Rows appended per table. */
export interface HistoryFill {
  readonly closes: number;
  readonly fx: number;
  readonly macro: number;
}

type Kind = 'close' | 'fx' | 'macro';

/**
 * Completes the history store over `from..to` (src/steps/README.md, build_pack step 6): for every key,
 * the dates its `market_coverage` range `first_date..last_date` lacks — after `last_date`
 * up to `to`, and before `first_date` back to `from` when a portfolio with an earlier
 * inception joined later; all of `from..to` for a new key (`missingRanges`) — are fetched
 * once — closes through {@link sourcedCloses} (primary, completed by the fallback) (each row
 * records provider and fallback use), FX pairs and macro series from the primary — and
 * inserted with one multi-row statement per table and 50 000 rows (`on conflict do nothing`: the tables
 * are append-only, so a re-run after a crash never changes a stored value). Keys sharing
 * a range are fetched in one request. Coverage is widened in the same transaction.
 */
export async function fillMarketHistory(
  db: Database,
  primary: MarketDataSource,
  fallback: MarketDataSource | null,
  request: HistoryRequest,
  signal?: AbortSignal,
): Promise<HistoryFill> {
  const coverage = await db.query<{
    kind: Kind;
    key: string;
    first_date: string;
    last_date: string;
  }>(
    'select kind, key, first_date::text as first_date, last_date::text as last_date from market_coverage',
  );
  const covered = new Map(coverage.map((c) => [`${c.kind}:${c.key}`, c]));
  const groups = (kind: Kind, keys: readonly string[]) =>
    groupByRange(
      keys.flatMap((key) =>
        missingRanges(covered.get(`${kind}:${key}`), request.from, request.to).map((range) => ({
          key,
          ...range,
        })),
      ),
    );

  const closeRows: unknown[][] = [];
  for (const { from, to, keys: symbols } of groups('close', request.symbols)) {
    const range = { symbols, from, to };
    const series = await sourcedCloses(primary, fallback, range, { signal });
    for (const s of series) {
      const currency = request.currencyOf.get(s.symbol) ?? null;
      if (currency === null) continue;
      for (const b of s.bars)
        closeRows.push([s.symbol, b.date, b.close, currency, b.provider, b.fallback_used]);
    }
  }
  const fxRows: unknown[][] = [];
  for (const { from, to, keys: pairs } of groups('fx', request.pairs)) {
    for (const s of await primary.fxRates({ pairs, from, to }, signal)) {
      for (const r of s.rates) fxRows.push([s.base, s.quote, r.date, r.rate, s.provider, false]);
    }
  }
  const macroRows: unknown[][] = [];
  for (const { from, to, keys: seriesIds } of groups('macro', request.series)) {
    for (const s of await primary.macroSeries({ seriesIds, from, to }, signal)) {
      for (const o of s.observations)
        macroRows.push([s.series_id, o.date, o.value, s.provider, false]);
    }
  }
  signal?.throwIfAborted();

  const coverageRows = (
    [
      ['close', request.symbols],
      ['fx', request.pairs],
      ['macro', request.series],
    ] as const
  ).flatMap(([kind, keys]) =>
    keys
      .filter(
        (key) => missingRanges(covered.get(`${kind}:${key}`), request.from, request.to).length > 0,
      )
      .map((key) => {
        const before = covered.get(`${kind}:${key}`);
        const first =
          before === undefined || request.from < before.first_date
            ? request.from
            : before.first_date;
        const last =
          before === undefined || request.to > before.last_date ? request.to : before.last_date;
        return [kind, key, first, last];
      }),
  );
  const doNothing = sql` on conflict do nothing`;
  await db.drizzle.transaction(async (tx: Executor) => {
    for (const chunk of chunks(closeRows)) {
      await insertRows(
        tx,
        'market_closes',
        ['symbol', 'date', 'close', 'currency', 'provider', 'fallback_used'],
        chunk,
        doNothing,
      );
    }
    for (const chunk of chunks(fxRows)) {
      await insertRows(
        tx,
        'market_fx',
        ['base', 'quote', 'date', 'rate', 'provider', 'fallback_used'],
        chunk,
        doNothing,
      );
    }
    for (const chunk of chunks(macroRows)) {
      await insertRows(
        tx,
        'market_macro',
        ['series', 'date', 'value', 'provider', 'fallback_used'],
        chunk,
        doNothing,
      );
    }
    await insertRows(
      tx,
      'market_coverage',
      ['kind', 'key', 'first_date', 'last_date'],
      coverageRows,
      sql` on conflict (kind, key) do update set first_date = least(market_coverage.first_date, excluded.first_date), last_date = greatest(market_coverage.last_date, excluded.last_date)`,
    );
  });
  return { closes: closeRows.length, fx: fxRows.length, macro: macroRows.length };
}

/** The stored date range of one key (`market_coverage`). */
export interface CoveredRange {
  readonly first_date: string;
  readonly last_date: string;
}

/**
 * What to fetch so that the stored range of a key becomes `min(from, first_date) ..
 * max(to, last_date)` with no hole (inclusive ISO dates): all of `from..to` for an uncovered
 * key; otherwise up to two ranges — `from..first_date−1` when `from` is earlier and
 * `last_date+1..to` when `to` is later. They are not clipped to `from..to`: a backfill
 * night before the stored range fetches up to it, so coverage never records a gap as
 * filled. Dates inside the covered range are never fetched again.
 */
export function missingRanges(
  covered: CoveredRange | undefined,
  from: string,
  to: string,
): { from: string; to: string }[] {
  if (covered === undefined) return from <= to ? [{ from, to }] : [];
  const ranges: { from: string; to: string }[] = [];
  if (from < covered.first_date) ranges.push({ from, to: addDays(covered.first_date, -1) });
  if (covered.last_date < to) ranges.push({ from: addDays(covered.last_date, 1), to });
  return ranges;
}

/** Keys sharing the same range, one group per range (ordered by range, keys in given order). */
function groupByRange(
  wanted: readonly { key: string; from: string; to: string }[],
): { from: string; to: string; keys: string[] }[] {
  const byRange = new Map<string, { from: string; to: string; keys: string[] }>();
  for (const { key, from, to } of wanted) {
    const id = `${from}..${to}`;
    const group = byRange.get(id);
    if (group === undefined) byRange.set(id, { from, to, keys: [key] });
    else group.keys.push(key);
  }
  return [...byRange.values()].sort(
    (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
}

/**
 * Rows per insert statement: the first night of a large universe appends millions of
 * closes, and one statement's array parameters would then be hundreds of megabytes.
 */
const INSERT_CHUNK_ROWS = 50_000;

function* chunks<T>(rows: readonly T[]): Generator<readonly T[]> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS)
    yield rows.slice(start, start + INSERT_CHUNK_ROWS);
}
