import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareWithExpected } from '../../test-support/reference/compareWithExpected.js';
import {
  metricSetInputFromRows,
  referencePortfolioRows,
} from '../../test-support/reference/referenceData.js';
import { isoToEpochDay } from '../dates/isoToEpochDay.js';
import { computeMetricSet } from './computeMetricSet.js';
import type { MetricSetInput } from './metricSetInput.js';

const AS_OF = '2024-12-31';
const BLANKED = ['2024-03-05', '2024-07-10', '2024-12-02', '2024-12-30', '2022-06-29'];
const REMOVED = ['2024-05-14', '2024-11-20', '2024-08-28', '2023-02-07'];

/** P2 with blank returns (and values) on some rows and other rows deleted altogether. */
function gappyRows(): string[][] {
  return referencePortfolioRows('P2')
    .filter((row) => !REMOVED.includes(row[0]!))
    .map((row) => (BLANKED.includes(row[0]!) ? [row[0]!, '', '', row[3]!] : row));
}

type Json = Record<string, any>;

describe('missing observations: blank returns and absent dates (P2 with gaps)', () => {
  const rows = gappyRows();
  const input = computeMetricSet(
    metricSetInputFromRows('P2', rows),
    isoToEpochDay(AS_OF),
  ) as unknown as Json;
  const original = referencePortfolioRows('P2');
  /** Straightforward expectation: the returns observed on dates in (from, to]. */
  const observed = (from: string, to: string) =>
    rows
      .slice(1)
      .filter((r) => r[0]! > from && r[0]! <= to && r[1] !== '')
      .map((r) => Number(r[1]));
  const calendarRows = (from: string, to: string) =>
    original.slice(1).filter((r) => r[0]! > from && r[0]! <= to).length;
  const std = (x: number[]) => {
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    return Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1));
  };

  it('TWR counts rows and observations and compounds only the observations', () => {
    for (const [period, anchor] of [
      ['1Y', '2023-12-31'],
      ['MTD', '2024-11-30'],
      ['3Y', '2021-12-31'],
    ] as const) {
      const r = observed(anchor, AS_OF);
      const record = input.twr[period];
      expect(record).toMatchObject({
        first_date: original.find((row) => row[0]! > anchor)![0],
        last_date: AS_OF,
      });
      expect(record.n_rows).toBe(calendarRows(anchor, AS_OF));
      expect(record.n_obs).toBe(r.length);
      expect(record.n_obs).toBeLessThan(record.n_rows);
      expect(record.cumulative).toBeCloseTo(r.reduce((g, x) => g * (1 + x), 1) - 1, 13);
    }
    expect(input.twr['1d']).toMatchObject({ n_rows: 1, n_obs: 1, anchor: '2024-12-30' });
  });

  it('row windows are the last 30 calendar rows, whatever was observed', () => {
    const window = original.slice(-30);
    const r = window
      .map((row) => row[0]!)
      .filter((d) => !REMOVED.includes(d) && !BLANKED.includes(d));
    const returns = rows.filter((row) => r.includes(row[0]!)).map((row) => Number(row[1]));
    expect(input.volatility['30d']).toMatchObject({
      first_date: window[0]![0],
      n_rows: 30,
      n_obs: 27,
    });
    expect(input.volatility['30d'].value).toBeCloseTo(std(returns) * Math.sqrt(252), 13);
  });

  it('drawdown and win/loss skip the missing days', () => {
    const r = observed('2023-12-31', AS_OF);
    let wealth = 1;
    let peak = 1;
    let worst = 0;
    for (const x of r) {
      wealth *= 1 + x;
      peak = Math.max(peak, wealth);
      worst = Math.min(worst, wealth / peak - 1);
    }
    expect(input.max_drawdown['1Y'].value).toBeCloseTo(worst, 13);
    expect(input.max_drawdown['1Y'].n_obs).toBe(r.length);
    expect(input.win_loss['1Y']).toMatchObject({
      n_obs: r.length,
      n_wins: r.filter((x) => x > 0).length,
    });
  });

  it('XIRR is unaffected by a blank return: flows and values still come from the file', () => {
    const full = computeMetricSet(
      metricSetInputFromRows('P2', original),
      isoToEpochDay(AS_OF),
    ) as unknown as Json;
    expect(input.mwr_xirr.inception.xirr).toBe(full.mwr_xirr.inception.xirr);
  });
});

/** A copy of `input` with a missing observation (NaN everywhere, no flow) on a new calendar day. */
function withMissingRow(input: MetricSetInput, row: number, day: number): MetricSetInput {
  const insert = <T extends Float64Array | Int32Array>(a: T, value: number): T => {
    const out = new (a.constructor as new (n: number) => T)(a.length + 1);
    out.set(a.subarray(0, row));
    out[row] = value;
    out.set(a.subarray(row), row + 1);
    return out;
  };
  return {
    ...input,
    calendar: insert(input.calendar, day),
    returns: insert(input.returns, Number.NaN),
    values: insert(input.values, Number.NaN),
    flows: insert(input.flows, 0),
    benchmark: insert(input.benchmark, Number.NaN),
    riskFree: insert(input.riskFree, Number.NaN),
    factors: input.factors.map((f) => insert(f, Number.NaN)),
  };
}

/** Facts about calendar rows, which an inserted row legitimately moves (count, first row). */
const ROW_FACTS = ['n_rows', 'first_date', 'last_date'];

/** The calendar-window sections without their row facts. */
function calendarWindowStatistics(set: Json): Json {
  const pick = (section: Json, keys: string[]) =>
    Object.fromEntries(keys.map((k) => [k, section[k]]));
  const strip = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(strip)
      : x !== null && typeof x === 'object'
        ? Object.fromEntries(
            Object.entries(x)
              .filter(([k]) => !ROW_FACTS.includes(k))
              .map(([k, v]) => [k, strip(v)]),
          )
        : x;
  return strip({
    twr: set.twr,
    mwr_xirr: set.mwr_xirr,
    volatility: pick(set.volatility, ['1Y']),
    sharpe: pick(set.sharpe, ['1Y']),
    max_drawdown: set.max_drawdown,
    capm: set.capm,
    active: set.active,
    win_loss: set.win_loss,
    factor_model: set.factor_model,
  }) as Json;
}

describe('property: inserting a missing observation changes no statistic', () => {
  const base = metricSetInputFromRows('P2', referencePortfolioRows('P2'));
  const asOf = isoToEpochDay(AS_OF);
  const expected = calendarWindowStatistics(computeMetricSet(base, asOf) as unknown as Json);
  const weekends: number[] = [];
  for (let i = base.calendar.length - 800; i < base.calendar.length - 5; i++) {
    if (base.calendar[i + 1]! - base.calendar[i]! > 1) weekends.push(i + 1);
  }
  it('for every calendar-window metric (only n_rows moves)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...weekends), (row) => {
        const day = base.calendar[row]! - 1;
        const gappy = withMissingRow(base, row, day);
        const actual = computeMetricSet(gappy, asOf) as unknown as Json;
        expect(compareWithExpected(calendarWindowStatistics(actual), expected)).toEqual([]);
        expect(actual.twr['3Y'].n_rows).toBe(
          (expected.twr['3Y'].n_obs as number) + (day > isoToEpochDay('2021-12-31') ? 1 : 0),
        );
      }),
      { numRuns: 15 },
    );
  });
});
