import { exportPackFactors, exportPackMetrics, exportPackRatings } from '@truth-spine/orchestrator';
import { type Database } from '@truth-spine/store';
import { openBenchDatabase } from '../scale/benchDatabase.js';
import { cachedScaleDataSet } from '../scale/generateScaleDataSet.js';
import { loadScaleBooks } from '../scale/loadScaleBooks.js';
import type { ScaleParams } from '../scale/scaleParams.js';
import { runMeasuredNight, scaleStepBodies } from '../scale/scaleNight.js';

/** The export files of one night, by file name (uncompressed text). */
export type ExportFiles = ReadonlyMap<string, string>;

/** What `bench exports` records about the night it exported. */
export interface ExportedNight {
  readonly params: ScaleParams;
  /** Night D − 1 ("cold") and night D, as run. */
  readonly nights: readonly { readonly as_of: string; readonly status: string }[];
  readonly pack_id: string;
  readonly pack_sha256: string;
  readonly rows: { readonly metrics: number; readonly exposures: number; readonly ratings: number };
}

/**
 * Runs night D − 1 and night D of the generated set `params` through the real pipeline
 * on a fresh embedded store, then exports night D's pack as the runner's `--json` exports
 * print it (`JSON.stringify(x, null, 2)` and a newline): `metrics.json` (`runner metrics`),
 * `factors.json` (`runner factors`), `ratings.json` (`runner ratings`). Throws when a
 * night does not succeed. The store is removed afterwards.
 */
export async function nightExports(
  params: ScaleParams,
  cacheRoot: string,
): Promise<{ night: ExportedNight; files: ExportFiles }> {
  const set = cachedScaleDataSet(params, cacheRoot);
  const bench = await openBenchDatabase(undefined, false);
  try {
    await loadScaleBooks(bench.db, set.booksDir);
    const bodies = scaleStepBodies(set);
    const nights = [];
    for (const asOf of [set.previousDay, set.lastDay]) {
      const night = await runMeasuredNight(bench.db, bodies, set, asOf);
      if (night.status !== 'succeeded' || night.packId === null) {
        throw new Error(`bench exports: night ${asOf} ended ${night.status}`);
      }
      nights.push({ as_of: asOf, status: night.status, packId: night.packId });
    }
    const packId = nights[1]!.packId;
    return {
      night: {
        params,
        nights: nights.map(({ as_of, status }) => ({ as_of, status })),
        pack_id: packId,
        pack_sha256: await packSha256(bench.db, packId),
        rows: await rowCounts(bench.db, packId),
      },
      files: await packExports(bench.db, packId),
    };
  } finally {
    await bench.dispose();
  }
}

/** The three exports of `packId`, as the runner prints them with `--json`. */
export async function packExports(db: Database, packId: string): Promise<ExportFiles> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return new Map([
    ['metrics.json', json(await exportPackMetrics(db, packId))],
    ['factors.json', json(await exportPackFactors(db, packId))],
    ['ratings.json', json(await exportPackRatings(db, packId))],
  ]);
}

async function packSha256(db: Database, packId: string): Promise<string> {
  const [row] = await db.query<{ sha256: string }>('select sha256 from packs where id = $1', [
    packId,
  ]);
  return row!.sha256;
}

/** Metric and factor-exposure entries (of the pack's records) and rating rows of `packId`. */
async function rowCounts(db: Database, packId: string): Promise<ExportedNight['rows']> {
  const count = async (table: string, rowsPerRecord: string) =>
    Number(
      (
        await db.query<{ n: string | number }>(
          `select coalesce(sum(${rowsPerRecord}), 0)::int as n from ${table} where pack_id = $1`,
          [packId],
        )
      )[0]!.n,
    );
  return {
    metrics: await count('metric_sets', 'jsonb_array_length(metrics)'),
    exposures: await count('factor_sets', 'jsonb_array_length(exposures)'),
    ratings: await count('ratings', '1'),
  };
}
