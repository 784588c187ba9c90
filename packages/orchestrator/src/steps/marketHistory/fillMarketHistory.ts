import type { MarketDataSource } from '@truth-spine/providers';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/database.js';
import { insertRows } from '../../db/insertRows.js';
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
 * Appends what the history store lacks up to `to` (SPEC §3, pipeline-design): for every
 * key, the dates after its `market_coverage.last_date` (or from `from` for a new key) are
 * fetched once — closes through {@link sourcedCloses} (primary, completed by the fallback) (each row
 * records provider and fallback use), FX pairs and macro series from the primary — and
 * inserted with one multi-row statement per table and 50 000 rows (`on conflict do nothing`: the tables
 * are append-only, so a re-run after a crash never changes a stored value). Keys sharing
 * a start date are fetched in one request. Coverage is advanced in the same transaction.
 */
export async function fillMarketHistory(
  db: Database,
  primary: MarketDataSource,
  fallback: MarketDataSource | null,
  request: HistoryRequest,
  signal?: AbortSignal,
): Promise<HistoryFill> {
  const coverage = await db.query<{ kind: Kind; key: string; last_date: string }>(
    'select kind, key, last_date::text as last_date from market_coverage',
  );
  const lastOf = new Map(coverage.map((c) => [`${c.kind}:${c.key}`, c.last_date]));
  const groups = (kind: Kind, keys: readonly string[]) => {
    const byStart = new Map<string, string[]>();
    for (const key of keys) {
      const last = lastOf.get(`${kind}:${key}`);
      if (last !== undefined && last >= request.to) continue;
      const start = last === undefined ? request.from : addDays(last, 1);
      const group = byStart.get(start);
      if (group === undefined) byStart.set(start, [key]);
      else group.push(key);
    }
    return [...byStart];
  };

  const closeRows: unknown[][] = [];
  for (const [from, symbols] of groups('close', request.symbols)) {
    const range = { symbols, from, to: request.to };
    const series = await sourcedCloses(primary, fallback, range, { signal });
    for (const s of series) {
      const currency = request.currencyOf.get(s.symbol) ?? null;
      if (currency === null) continue;
      for (const b of s.bars)
        closeRows.push([s.symbol, b.date, b.close, currency, b.provider, b.fallback_used]);
    }
  }
  const fxRows: unknown[][] = [];
  for (const [from, pairs] of groups('fx', request.pairs)) {
    for (const s of await primary.fxRates({ pairs, from, to: request.to }, signal)) {
      for (const r of s.rates) fxRows.push([s.base, s.quote, r.date, r.rate, s.provider, false]);
    }
  }
  const macroRows: unknown[][] = [];
  for (const [from, seriesIds] of groups('macro', request.series)) {
    for (const s of await primary.macroSeries({ seriesIds, from, to: request.to }, signal)) {
      for (const o of s.observations)
        macroRows.push([s.series_id, o.date, o.value, s.provider, false]);
    }
  }
  signal?.throwIfAborted();

  const coverageRows = [
    ...groups('close', request.symbols).flatMap(([from, keys]) =>
      keys.map((k) => ['close', k, from]),
    ),
    ...groups('fx', request.pairs).flatMap(([from, keys]) => keys.map((k) => ['fx', k, from])),
    ...groups('macro', request.series).flatMap(([from, keys]) =>
      keys.map((k) => ['macro', k, from]),
    ),
  ].map(([kind, key, from]) => [kind, key, from, request.to]);
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
      sql` on conflict (kind, key) do update set last_date = greatest(market_coverage.last_date, excluded.last_date)`,
    );
  });
  return { closes: closeRows.length, fx: fxRows.length, macro: macroRows.length };
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
