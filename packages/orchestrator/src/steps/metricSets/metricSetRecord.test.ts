import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../metricRows/flattenMetricRecords.js';
import { decodeMetricSet, encodeMetricSet } from './metricSetRecord.js';

const row = (metric: string, value: number | null, extra: Partial<MetricRow> = {}): MetricRow => ({
  metric,
  value,
  reason: value === null ? 'not defined for this window' : null,
  firstDate: null,
  lastDate: null,
  nObs: null,
  details: null,
  ...extra,
});

describe('encodeMetricSet / decodeMetricSet', () => {
  it('round-trips rows as the metrics table held them, sorted by name in code-point order', () => {
    const rows = [
      row('volatility.1Y', 0.1 + 0.2, {
        firstDate: '2023-03-09',
        lastDate: '2024-03-08',
        nObs: 260,
        details: { n_rows: 261, peak: null, flows: [1.5, -2] },
      }),
      row('twr.YTD.cumulative', 5e-324),
      row('sharpe.30d', null, { reason: 'fewer than 2 observations' }),
      row('Z.upper', 1.7976931348623157e308),
      row('series.books_fingerprint', 2 ** 52 - 1, { lastDate: '2024-03-08' }),
      row('\u{1F600}.astral', 1),
      row('\uFF5E.fullwidth', 2),
    ];
    const decoded = decodeMetricSet(encodeMetricSet(rows));
    // code points: 'Z' < 's' < 't' < 'v' < U+FF5E < U+1F600 (UTF-16 would put U+1F600 first)
    expect(decoded.map((r) => r.metric)).toEqual([
      'Z.upper',
      'series.books_fingerprint',
      'sharpe.30d',
      'twr.YTD.cumulative',
      'volatility.1Y',
      '\uFF5E.fullwidth',
      '\u{1F600}.astral',
    ]);
    for (const r of rows) {
      const back = decoded.find((d) => d.metric === r.metric)!;
      expect(back).toEqual(r);
      expect(Object.is(back.value, r.value)).toBe(true);
    }
  });

  it('leaves null fields out of the record and reads them back as null', () => {
    const text = encodeMetricSet([row('a', 1), row('b', null, { reason: 'why' })]);
    expect(JSON.parse(text)).toEqual([
      { metric: 'a', value: 1 },
      { metric: 'b', reason: 'why' },
    ]);
  });

  it('stores −0 as 0, as JSON and the old export printed it', () => {
    const [back] = decodeMetricSet(encodeMetricSet([row('x', -0)]));
    expect(Object.is(back!.value, 0)).toBe(true);
  });

  it.each([
    ['a value and a reason', row('m', 1, { reason: 'both' })],
    ['neither a value nor a reason', row('m', null, { reason: null })],
    ['NaN', row('m', Number.NaN)],
    ['Infinity', row('m', Number.POSITIVE_INFINITY)],
    ['a date not YYYY-MM-DD', row('m', 1, { firstDate: '2024-3-8' })],
    ['a fractional n_obs', row('m', 1, { nObs: 2.5 })],
  ])('rejects %s', (_label, bad) => {
    expect(() => encodeMetricSet([row('ok', 1), bad])).toThrow(/metric set: m /);
  });

  it('rejects two rows of one metric', () => {
    expect(() => encodeMetricSet([row('m', 1), row('m', 2)])).toThrow(/two rows of m/);
  });
});
