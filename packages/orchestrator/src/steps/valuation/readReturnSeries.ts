import type { Database } from '@truth-spine/store';
import { assembleSeries, chunkOf, HISTORY_CHUNK_DAYS, type HistoryChunk } from './historyChunks.js';
import { float64FromBytes, int32FromBytes } from './returnSeriesBytes.js';

/** A stored return_series row, decoded into typed arrays. */
export interface StoredReturnSeries {
  readonly portfolioId: string;
  readonly epochDays: Int32Array;
  readonly values: Float64Array;
  readonly externalFlows: Float64Array;
  /** n − 1 returns, returns[i] from day i to i + 1. */
  readonly returns: Float64Array;
  /**
   * The append-only lineage the series is read from, and the most days any pack reads of
   * it (`tipDays`): a night may append to it only when this series is its tip (tipDays =
   * its length). Null for a row written with its arrays inline.
   */
  readonly lineage: { readonly id: string; readonly tipDays: number } | null;
}

/**
 * The return_series rows of `portfolioIds` in pack `packId`, by portfolio id: the first
 * `n_obs` days of each row's lineage (`history_chunks`, only the chunks those days need),
 * or the arrays stored inline in rows written before the append-only history. Byte columns
 * travel as base64 text (`encode(…, 'base64')`, decoded by Node's native Buffer): the
 * drivers' own bytea decoding parses hex in JavaScript, which made reading 600 five-year
 * series 1.7 s on the embedded database against 0.19 s as base64. Three queries.
 */
export async function readReturnSeries(
  db: Database,
  packId: string,
  portfolioIds: readonly string[],
): Promise<Map<string, StoredReturnSeries>> {
  const out = new Map<string, StoredReturnSeries>();
  const inline = await db.query<{
    portfolio_id: string;
    epoch_days: string;
    values: string;
    external_flows: string;
    returns: string;
  }>(
    `select portfolio_id, encode(epoch_days, 'base64') as epoch_days, encode(values, 'base64') as values,
            encode(external_flows, 'base64') as external_flows, encode(returns, 'base64') as returns
       from return_series
      where pack_id = $1 and portfolio_id = any($2::text[]) and lineage_id is null
      order by portfolio_id`,
    [packId, portfolioIds],
  );
  for (const r of inline) {
    out.set(r.portfolio_id, {
      portfolioId: r.portfolio_id,
      epochDays: int32FromBytes(fromBase64(r.epoch_days)),
      values: float64FromBytes(fromBase64(r.values)),
      externalFlows: float64FromBytes(fromBase64(r.external_flows)),
      returns: float64FromBytes(fromBase64(r.returns)),
      lineage: null,
    });
  }
  const chunked = await db.query<{
    portfolio_id: string;
    lineage_id: string;
    n_obs: number;
    chunk: number;
    epoch_days: string;
    values: string;
    external_flows: string;
    returns_into: string;
  }>(
    `select s.portfolio_id, s.lineage_id, s.n_obs, h.chunk,
            encode(h.epoch_days, 'base64') as epoch_days, encode(h.values, 'base64') as values,
            encode(h.external_flows, 'base64') as external_flows,
            encode(h.returns_into, 'base64') as returns_into
       from return_series s
       join history_chunks h on h.lineage_id = s.lineage_id and h.chunk <= (s.n_obs - 1) / ${HISTORY_CHUNK_DAYS}
      where s.pack_id = $1 and s.portfolio_id = any($2::text[])
      order by s.portfolio_id, h.chunk`,
    [packId, portfolioIds],
  );
  if (chunked.length === 0) return out;
  const lineages = [...new Set(chunked.map((r) => r.lineage_id))];
  const tips = await db.query<{ lineage_id: string; tip: number }>(
    `select lineage_id, max(n_obs) as tip from return_series
      where lineage_id = any($1::text[]) group by lineage_id`,
    [lineages],
  );
  const tipOf = new Map(tips.map((t) => [t.lineage_id, Number(t.tip)]));
  let start = 0;
  while (start < chunked.length) {
    const first = chunked[start]!;
    let end = start;
    const chunks: HistoryChunk[] = [];
    while (end < chunked.length && chunked[end]!.portfolio_id === first.portfolio_id) {
      const r = chunked[end]!;
      chunks.push({
        chunk: Number(r.chunk),
        epochDays: int32FromBytes(fromBase64(r.epoch_days)),
        values: float64FromBytes(fromBase64(r.values)),
        externalFlows: float64FromBytes(fromBase64(r.external_flows)),
        returnsInto: float64FromBytes(fromBase64(r.returns_into)),
      });
      end++;
    }
    const nObs = Number(first.n_obs);
    if (chunks.length !== chunkOf(nObs - 1) + 1) {
      throw new Error(
        `return_series of ${first.portfolio_id} in ${packId}: lineage ${first.lineage_id} lacks chunks of its ${nObs} days`,
      );
    }
    out.set(first.portfolio_id, {
      portfolioId: first.portfolio_id,
      ...assembleSeries(chunks, nObs),
      lineage: { id: first.lineage_id, tipDays: tipOf.get(first.lineage_id)! },
    });
    start = end;
  }
  return out;
}

/** Bytes of base64 text (PostgreSQL's `encode(…, 'base64')` wraps lines every 76 characters; Node ignores the newlines). */
function fromBase64(text: string): Uint8Array {
  return Buffer.from(text, 'base64');
}
