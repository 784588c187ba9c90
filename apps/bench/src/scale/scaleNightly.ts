import { cachedScaleDataSet } from './generateScaleDataSet.js';
import { loadScaleBooks } from './loadScaleBooks.js';
import { openBenchDatabase } from './benchDatabase.js';
import { runMeasuredNight, scaleStepBodies, type MeasuredNight } from './scaleNight.js';
import type { ScaleParams } from './scaleParams.js';
import { sloVerdicts, type SloVerdicts } from './sloVerdicts.js';

/** How {@link scaleNightly} runs. */
export interface ScaleNightlyOptions {
  /** A postgres:// URL (a fresh database is created on that server); absent = PGlite in a temp dir. */
  readonly database?: string;
  /** Keep the bench database afterwards. */
  readonly keep?: boolean;
  readonly cacheRoot: string;
  readonly maxSeconds?: number;
}

/** One nightly measurement (the `--json` output is built from it). */
export interface ScaleNightlyResult {
  readonly params: ScaleParams;
  readonly database: 'pglite' | 'postgres';
  readonly databaseDescription: string;
  readonly dataSet: {
    readonly dir: string;
    readonly reused: boolean;
    readonly seconds: number;
    readonly transactions: number;
  };
  readonly loadSeconds: number;
  /** Night D − 1 on an empty store: everything computed from scratch. */
  readonly cold: MeasuredNight;
  /** Night D after D − 1: the steady state (incremental where exact). */
  readonly nightly: MeasuredNight;
  readonly peakRssMb: number;
  readonly databaseBytes: number;
  readonly slo: SloVerdicts;
}

/**
 * Generates (or reuses) the data set of `params`, bulk-loads it into a fresh store, runs
 * the real pipeline for night D − 1 ("cold": full computation) and then night D ("nightly":
 * the steady state), and measures both, the peak RSS of this process
 * (`process.resourceUsage().maxRSS`; a PostgreSQL server's memory is not included; PGlite
 * runs inside the process, so its memory is) and the store's size. The store is removed
 * afterwards unless `keep`.
 */
export async function scaleNightly(
  params: ScaleParams,
  options: ScaleNightlyOptions,
): Promise<ScaleNightlyResult> {
  const set = cachedScaleDataSet(params, options.cacheRoot);
  const bench = await openBenchDatabase(options.database, options.keep ?? false);
  try {
    const load = await loadScaleBooks(bench.db, set.booksDir);
    const bodies = scaleStepBodies(set);
    const cold = await runMeasuredNight(bench.db, bodies, set, set.previousDay);
    const nightly = await runMeasuredNight(bench.db, bodies, set, set.lastDay);
    const databaseBytes = await bench.sizeBytes();
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const database = options.database === undefined ? 'pglite' : 'postgres';
    return {
      params,
      database,
      databaseDescription: bench.description,
      dataSet: {
        dir: set.dir,
        reused: set.reused,
        seconds: set.seconds,
        transactions: set.transactions,
      },
      loadSeconds: load.seconds,
      cold,
      nightly,
      peakRssMb,
      databaseBytes,
      slo: sloVerdicts({
        portfolios: params.portfolios,
        database,
        status: nightly.status,
        coldStatus: cold.status,
        packSeconds: nightly.packSeconds,
        totalSeconds: nightly.totalSeconds,
        peakRssMb,
        ...(options.maxSeconds === undefined ? {} : { maxSeconds: options.maxSeconds }),
      }),
    };
  } finally {
    await bench.dispose();
  }
}
