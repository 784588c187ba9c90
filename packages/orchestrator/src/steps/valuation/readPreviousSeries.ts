import type { Database } from '@truth-spine/store';
import { readMetricValues } from '../metricSets/readMetricValues.js';
import { readReturnSeries, type StoredReturnSeries } from './readReturnSeries.js';

/** Metric under which compute_daily_metrics stores the books fingerprint of a series. */
export const BOOKS_FINGERPRINT_METRIC = 'series.books_fingerprint';

/** A previous night's series and the fingerprint of the books it was built from. */
export interface PreviousSeries {
  readonly series: StoredReturnSeries;
  readonly fingerprint: number;
}

/** The newest fresh pack of `asOf`, or null (then every portfolio is recomputed in full). */
export async function freshPackOf(db: Database, asOf: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `select id from packs where as_of = $1 and status = 'fresh' order by version desc limit 1`,
    [asOf],
  );
  return row?.id ?? null;
}

/**
 * The return series of `portfolioIds` stored with pack `packId`, each with its books
 * fingerprint (metric {@link BOOKS_FINGERPRINT_METRIC} of its `metric_sets` record; two
 * queries); portfolios lacking either are absent.
 */
export async function readPreviousSeries(
  db: Database,
  packId: string,
  portfolioIds: readonly string[],
): Promise<Map<string, PreviousSeries>> {
  const series = await readReturnSeries(db, packId, portfolioIds);
  const fingerprints = await readMetricValues(db, packId, [BOOKS_FINGERPRINT_METRIC], portfolioIds);
  const out = new Map<string, PreviousSeries>();
  for (const f of fingerprints) {
    const stored = series.get(f.portfolioId);
    if (stored !== undefined && f.value !== null)
      out.set(f.portfolioId, { series: stored, fingerprint: f.value });
  }
  return out;
}
