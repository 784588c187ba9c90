import { describe, expect, it } from 'vitest';
import { float64FromBytes, int32FromBytes } from './returnSeriesBytes.js';
import {
  assembleSeries,
  chunkOf,
  HISTORY_CHUNK_DAYS,
  historyChunkRows,
  type HistoryChunk,
  type SeriesArrays,
} from './historyChunks.js';

/** A series of n days with distinct values (returns include a NaN: no observation). */
function series(n: number): SeriesArrays {
  const epochDays = Int32Array.from({ length: n }, (_, i) => 19_000 + i);
  const values = Float64Array.from({ length: n }, (_, i) => 1000 + i / 7);
  const externalFlows = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 50 : 0));
  const returns = Float64Array.from({ length: n - 1 }, (_, i) => (i === 3 ? Number.NaN : i / 1e4));
  return { epochDays, values, externalFlows, returns };
}

/** Rows of historyChunkRows decoded as the reader decodes them. */
function decoded(rows: unknown[][]): HistoryChunk[] {
  return rows.map((r) => ({
    chunk: r[2] as number,
    epochDays: int32FromBytes(r[3] as Uint8Array),
    values: float64FromBytes(r[4] as Uint8Array),
    externalFlows: float64FromBytes(r[5] as Uint8Array),
    returnsInto: float64FromBytes(r[6] as Uint8Array),
  }));
}

const bytesOf = (a: Int32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('history chunks', () => {
  it('split a series into chunks of HISTORY_CHUNK_DAYS days and assemble it back bit for bit', () => {
    const n = 2 * HISTORY_CHUNK_DAYS + 5;
    const s = series(n);
    const rows = historyChunkRows('L', 'P1', s, 0);
    expect(rows.map((r) => r[2])).toEqual([0, 1, 2]);
    expect(decoded(rows).map((c) => c.epochDays.length)).toEqual([128, 128, 5]);
    const back = assembleSeries(decoded(rows), n);
    for (const key of ['epochDays', 'values', 'externalFlows', 'returns'] as const) {
      expect(bytesOf(back[key]).equals(bytesOf(s[key])), key).toBe(true);
    }
  });

  it("read a pack's prefix of a longer lineage: the first n_obs days only", () => {
    const s = series(300);
    const back = assembleSeries(decoded(historyChunkRows('L', 'P1', s, 0)), 200);
    expect(back.epochDays.length).toBe(200);
    expect(back.returns.length).toBe(199);
    expect(back.values[199]).toBe(s.values[199]);
  });

  it('append a day by rewriting only the last chunk, leaving earlier chunks as they were', () => {
    const before = series(HISTORY_CHUNK_DAYS * 2 - 1);
    const after = series(HISTORY_CHUNK_DAYS * 2);
    const stored = decoded(historyChunkRows('L', 'P1', before, 0));
    const appended = decoded(
      historyChunkRows('L', 'P1', after, chunkOf(after.epochDays.length - 1)),
    );
    expect(appended.map((c) => c.chunk)).toEqual([1]);
    const lineage = [stored[0]!, appended[0]!];
    const back = assembleSeries(lineage, after.epochDays.length);
    expect(bytesOf(back.values).equals(bytesOf(after.values))).toBe(true);
    // the earlier pack still reads its own days from the rewritten lineage
    const earlier = assembleSeries(lineage, before.epochDays.length);
    expect(bytesOf(earlier.returns).equals(bytesOf(before.returns))).toBe(true);
  });

  it('refuse a lineage with a missing chunk', () => {
    const chunks = decoded(historyChunkRows('L', 'P1', series(300), 0));
    expect(() => assembleSeries([chunks[0]!, chunks[2]!], 300)).toThrow(
      'history chunk 2 does not start at day 128 of its lineage',
    );
  });
});
