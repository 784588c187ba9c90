import { sql } from 'drizzle-orm';
import type { Executor } from '@truth-spine/store';
import { insertRows } from '@truth-spine/store';
import type { FactorExposureRow } from './factorExposureRows.js';

/** Rows per `insert … select from unnest(…)` statement. */
const CHUNK = 20_000;

const columns = [
  'pack_id',
  'portfolio_id',
  'window',
  'factor',
  'loading',
  'standard_error',
  't_value',
  'contribution',
  'reason',
  'details',
] as const;

/**
 * Upserts factor_exposures rows by (pack, portfolio, window, factor) with the bulk path
 * (`insertRows`: one array parameter per column, whatever the row count — drizzle's
 * builder spent most of this step rendering VALUES lists). Floats travel as their shortest
 * round-trip decimal text, so the stored doubles are the computed ones bit for bit.
 */
export async function writeFactorExposures(
  executor: Executor,
  rows: readonly FactorExposureRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await insertRows(
      executor,
      'factor_exposures',
      columns,
      rows
        .slice(start, start + CHUNK)
        .map((r) => [
          r.packId,
          r.portfolioId,
          r.window,
          r.factor,
          r.loading ?? null,
          r.standardError ?? null,
          r.tValue ?? null,
          r.contribution ?? null,
          r.reason ?? null,
          r.details ?? null,
        ]),
      sql` on conflict (pack_id, portfolio_id, "window", factor) do update set loading = excluded.loading, standard_error = excluded.standard_error, t_value = excluded.t_value, contribution = excluded.contribution, reason = excluded.reason, details = excluded.details`,
    );
  }
}
