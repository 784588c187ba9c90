import type { JsonValue } from '../../pipeline/stepBody.js';

/** One row of the `metrics` table before its pack and portfolio are attached. */
export interface MetricRow {
  /** Stable flattened name: `section.window[.field…]`, e.g. `twr.YTD.cumulative`, `volatility.1Y`. */
  readonly metric: string;
  /** The number, or null beside `reason` (never NaN/±Infinity). */
  readonly value: number | null;
  readonly reason: string | null;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly nObs: number | null;
  /** The record's non-numeric facts (anchor, dates, cash flows, n_rows). */
  readonly details: { readonly [key: string]: JsonValue } | null;
}

const WINDOW_FACT_KEYS = new Set(['first_date', 'last_date', 'n_obs']);
const NOT_DEFINED = 'not defined for this window';

/**
 * Flattens a finance-core result (a metric-set section, or any nested record of numbers) into
 * metric rows. Rules, applied to each record at path `p`: a number under `value` is row `p`,
 * any other number under `k` is row `p.k`; a null number takes its reason from `k_reason`,
 * else the record's `reason`, else "not defined for this window"; nested objects recurse
 * as `p.k`; strings, arrays, `…date` keys and `n_rows` go to the record's `details` (on every
 * row of that record); `first_date`/`last_date`/`n_obs` become the row's window columns. A
 * non-finite number (never expected from finance-core) becomes a null with a reason.
 *
 * @example flattenMetricRecords('volatility', { '1Y': { value: 0.2, daily_std_ddof1: 0.0126, … } })
 *   // rows volatility.1Y, volatility.1Y.daily_std_ddof1
 */
export function flattenMetricRecords(prefix: string, record: unknown): MetricRow[] {
  const rows: MetricRow[] = [];
  flattenInto(rows, prefix, record as Record<string, unknown>);
  return rows;
}

function flattenInto(rows: MetricRow[], prefix: string, record: Record<string, unknown>): void {
  const details: Record<string, JsonValue> = {};
  const numbers: [string, number | null][] = [];
  const nested: [string, Record<string, unknown>][] = [];
  for (const [key, value] of Object.entries(record)) {
    if (WINDOW_FACT_KEYS.has(key) || key === 'reason' || key.endsWith('_reason')) continue;
    if (typeof value === 'number' && key !== 'n_rows') numbers.push([key, value]);
    else if (value === null && !key.endsWith('date')) numbers.push([key, null]);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      nested.push([key, value as Record<string, unknown>]);
    } else details[key] = value as JsonValue;
  }
  const facts = {
    firstDate: typeof record['first_date'] === 'string' ? record['first_date'] : null,
    lastDate: typeof record['last_date'] === 'string' ? record['last_date'] : null,
    nObs: typeof record['n_obs'] === 'number' ? record['n_obs'] : null,
    details: Object.keys(details).length === 0 ? null : details,
  };
  for (const [key, value] of numbers) {
    const metric = key === 'value' ? prefix : `${prefix}.${key}`;
    const defined = value !== null && Number.isFinite(value);
    rows.push({
      metric,
      value: defined ? value : null,
      reason: defined ? null : reasonFor(record, key, value),
      ...facts,
    });
  }
  for (const [key, child] of nested) flattenInto(rows, `${prefix}.${key}`, child);
}

function reasonFor(record: Record<string, unknown>, key: string, value: number | null): string {
  if (value !== null) return `non-finite result (${String(value)})`;
  const own = record[`${key}_reason`];
  if (typeof own === 'string') return own;
  const shared = record['reason'];
  return typeof shared === 'string' ? shared : NOT_DEFINED;
}
