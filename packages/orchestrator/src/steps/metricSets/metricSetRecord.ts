import type { JsonValue } from '../../pipeline/stepBody.js';
import type { MetricRow } from '../metricRows/flattenMetricRecords.js';
import { compareCodePoints } from './compareCodePoints.js';

/**
 * One entry of a `metric_sets.metrics` record (packages/store/docs/SCHEMA.md): a metric row
 * with its null fields left out — `{ metric, value?, reason?, first_date?, last_date?,
 * n_obs?, details? }`. Exactly one of `value` and `reason` is present.
 */
export interface MetricSetEntry {
  readonly metric: string;
  readonly value?: number;
  readonly reason?: string;
  readonly first_date?: string;
  readonly last_date?: string;
  readonly n_obs?: number;
  readonly details?: { readonly [key: string]: JsonValue };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The record of one portfolio's metric rows: a JSON array of {@link MetricSetEntry} sorted
 * by metric name in code-point order (PostgreSQL's `collate "C"`), the order every reader
 * returns ({@link decodeMetricSet}). A number is written as `JSON.stringify` prints it — the shortest decimal that
 * parses back to the same float64 — and jsonb keeps that decimal exactly, so decoding
 * gives the computed doubles bit for bit (except −0, which JSON prints as 0, as the old
 * `metrics` export did). Throws, writing nothing, on what the `metrics` table's types and
 * check rejected: a value that is neither a finite number nor null, a null value without
 * a reason or a value with one, a date that is not `YYYY-MM-DD`, a non-integer `n_obs`, or
 * two rows of the same metric.
 */
export function encodeMetricSet(rows: readonly MetricRow[]): string {
  const sorted = [...rows].sort((a, b) => compareCodePoints(a.metric, b.metric));
  const entries = sorted.map((row, i) => {
    if (i > 0 && sorted[i - 1]!.metric === row.metric) {
      throw new Error(`metric set: two rows of ${row.metric}`);
    }
    return metricSetEntry(row);
  });
  return JSON.stringify(entries);
}

/**
 * The rows of a stored record (jsonb text) sorted by metric name in code-point order — a
 * record written by {@link encodeMetricSet} is sorted, one a second step appended to is two
 * sorted runs (`upsertMetricSets`). Null where a field is absent.
 */
export function decodeMetricSet(text: string): MetricRow[] {
  const entries = JSON.parse(text) as MetricSetEntry[];
  entries.sort((a, b) => compareCodePoints(a.metric, b.metric));
  return entries.map((e) => ({
    metric: e.metric,
    value: e.value ?? null,
    reason: e.reason ?? null,
    firstDate: e.first_date ?? null,
    lastDate: e.last_date ?? null,
    nObs: e.n_obs ?? null,
    details: e.details ?? null,
  }));
}

function metricSetEntry(row: MetricRow): MetricSetEntry {
  const { metric, value, reason, firstDate, lastDate, nObs, details } = row;
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
    throw new Error(`metric set: ${metric} has value ${String(value)}, not a finite number`);
  }
  if ((value === null) === (reason === null)) {
    throw new Error(`metric set: ${metric} needs exactly one of a value and a reason`);
  }
  for (const date of [firstDate, lastDate]) {
    if (date !== null && !ISO_DATE.test(date)) {
      throw new Error(`metric set: ${metric} has date ${date}, not YYYY-MM-DD`);
    }
  }
  if (nObs !== null && !Number.isInteger(nObs)) {
    throw new Error(`metric set: ${metric} has n_obs ${nObs}, not an integer`);
  }
  return {
    metric,
    ...(value === null ? {} : { value }),
    ...(reason === null ? {} : { reason }),
    ...(firstDate === null ? {} : { first_date: firstDate }),
    ...(lastDate === null ? {} : { last_date: lastDate }),
    ...(nObs === null ? {} : { n_obs: nObs }),
    ...(details === null ? {} : { details }),
  };
}
