import { typedArrayBytes } from './returnSeriesBytes.js';

/** Days per `history_chunks` row: a night that extends a series rewrites at most this many days. */
export const HISTORY_CHUNK_DAYS = 128;

/** A series as arrays: n days, n − 1 returns (`returns[i]` from day i to day i + 1). */
export interface SeriesArrays {
  readonly epochDays: Int32Array;
  readonly values: Float64Array;
  readonly externalFlows: Float64Array;
  readonly returns: Float64Array;
}

/** One decoded `history_chunks` row. */
export interface HistoryChunk {
  readonly chunk: number;
  readonly epochDays: Int32Array;
  readonly values: Float64Array;
  readonly externalFlows: Float64Array;
  /** The return into each day from the day before (NaN on the lineage's first day). */
  readonly returnsInto: Float64Array;
}

/** Columns of a history_chunks row, in {@link historyChunkRows} order. */
export const HISTORY_CHUNK_COLUMNS = [
  'lineage_id',
  'portfolio_id',
  'chunk',
  'epoch_days',
  'values',
  'external_flows',
  'returns_into',
] as const;

/**
 * The `history_chunks` rows of `series` in lineage `lineageId` from chunk `fromChunk` on:
 * chunk k holds days `[k·C, min(n, (k+1)·C))`. Writing from the chunk of the last day
 * (`chunkOf(n − 1)`) appends that day to a lineage that already holds the n − 1 before it.
 */
export function historyChunkRows(
  lineageId: string,
  portfolioId: string,
  series: SeriesArrays,
  fromChunk: number,
): unknown[][] {
  const n = series.epochDays.length;
  const returnsInto = new Float64Array(n);
  returnsInto[0] = Number.NaN;
  returnsInto.set(series.returns, 1);
  const rows: unknown[][] = [];
  for (let chunk = fromChunk; chunk * HISTORY_CHUNK_DAYS < n; chunk++) {
    const start = chunk * HISTORY_CHUNK_DAYS;
    const end = Math.min(n, start + HISTORY_CHUNK_DAYS);
    rows.push([
      lineageId,
      portfolioId,
      chunk,
      typedArrayBytes(series.epochDays.subarray(start, end)),
      typedArrayBytes(series.values.subarray(start, end)),
      typedArrayBytes(series.externalFlows.subarray(start, end)),
      typedArrayBytes(returnsInto.subarray(start, end)),
    ]);
  }
  return rows;
}

/** The chunk that holds day `index` (0-based) of a lineage. */
export function chunkOf(index: number): number {
  return Math.floor(index / HISTORY_CHUNK_DAYS);
}

/**
 * The first `nObs` days of a lineage from its chunks (ascending chunk numbers, starting at
 * 0, each full but the last read), as the arrays the series had when it was written. Throws
 * when the chunks do not hold `nObs` consecutive days — a store that lost a chunk.
 */
export function assembleSeries(chunks: readonly HistoryChunk[], nObs: number): SeriesArrays {
  const epochDays = new Int32Array(nObs);
  const values = new Float64Array(nObs);
  const externalFlows = new Float64Array(nObs);
  const returnsInto = new Float64Array(nObs);
  let filled = 0;
  for (const c of chunks) {
    if (c.chunk * HISTORY_CHUNK_DAYS !== filled) {
      throw new Error(`history chunk ${c.chunk} does not start at day ${filled} of its lineage`);
    }
    const take = Math.min(c.epochDays.length, nObs - filled);
    epochDays.set(c.epochDays.subarray(0, take), filled);
    values.set(c.values.subarray(0, take), filled);
    externalFlows.set(c.externalFlows.subarray(0, take), filled);
    returnsInto.set(c.returnsInto.subarray(0, take), filled);
    filled += take;
    if (filled === nObs) break;
  }
  if (filled !== nObs) throw new Error(`history chunks hold ${filled} of ${nObs} days`);
  return { epochDays, values, externalFlows, returns: returnsInto.slice(1) };
}
