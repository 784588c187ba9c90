import {
  computeMetricSet,
  fitFactorModel,
  isoToEpochDay,
  isUndefinedValue,
  macroFactorChanges,
  type MetricSetInput,
} from '@truth-spine/finance-core';
import { describe, expect, it } from 'vitest';
import { factorExposureRows } from './factorExposureRows.js';
import { nominalRateIsRealPlusBreakeven } from './nominalRateIsRealPlusBreakeven.js';
import { resolveCollinearFactorModel } from './resolveCollinearFactorModel.js';

/** Deterministic pseudo-random numbers (a 32-bit LCG), so the test data never change. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

const DAYS = 900;
const WINDOWS = ['1Y', '3Y', 'inception'];
const days: number[] = [];
for (let day = isoToEpochDay('2020-01-01'); days.length < DAYS; day++) {
  if ((day + 4) % 7 < 5) days.push(day);
}
const calendar = Int32Array.from(days);
const asOfDay = days[DAYS - 1]!;

/** A random walk of FRED-like levels rounded to two decimals (percent, or index points). */
function walk(random: () => number, start: number, step: number): Float64Array {
  const levels = new Float64Array(DAYS);
  levels[0] = start;
  for (let i = 1; i < DAYS; i++) {
    levels[i] = Math.round((levels[i - 1]! + random() * step) * 100) / 100;
  }
  return levels;
}

/**
 * A metric-set input on macro factor changes from synthetic levels; with `collinear`, DGS10
 * is DFII10 + T10YIE as FRED defines it, else an independent walk. One row of the return is
 * missing, to exercise complete rows.
 */
function macroInput(collinear: boolean): MetricSetInput {
  const random = noise(collinear ? 11 : 12);
  const dfii10 = walk(random, 1.5, 0.1);
  const t10yie = walk(random, 2.2, 0.06);
  const levels = {
    DFII10: dfii10,
    T10YIE: t10yie,
    BAMLC0A0CM: walk(random, 1.2, 0.04),
    DTWEXBGS: walk(random, 120, 0.8),
    DGS10: collinear ? dfii10.map((r, i) => r + t10yie[i]!) : walk(random, 3.7, 0.1),
  };
  const { names, changes } = macroFactorChanges(levels);
  const [real, breakeven, credit, dollar, nominal] = changes as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const returns = Float64Array.from(days, (_, i) =>
    i === 0 || i === 500
      ? NaN
      : 0.0002 -
        0.03 * real[i]! +
        0.01 * breakeven[i]! -
        0.02 * credit[i]! +
        0.4 * dollar[i]! -
        (collinear ? 0 : 0.015 * nominal[i]!) +
        random() * 0.004,
  );
  const values = new Float64Array(DAYS);
  values[0] = 100;
  for (let i = 1; i < DAYS; i++) {
    values[i] = values[i - 1]! * (1 + (Number.isNaN(returns[i]!) ? 0 : returns[i]!));
  }
  return {
    portfolio: 'P',
    calendar,
    inceptionDay: days[0]!,
    inceptionValue: 100,
    returns,
    values,
    flows: new Float64Array(DAYS),
    benchmark: new Float64Array(DAYS).fill(NaN),
    riskFree: new Float64Array(DAYS).fill(NaN),
    factors: changes,
    factorNames: names,
  };
}

/** An independent OLS of the window [first_date, last_date] on the given factor columns. */
function directFit(input: MetricSetInput, details: unknown, factorIds: readonly string[]) {
  const { first_date, last_date } = details as { first_date: string; last_date: string };
  const start = days.indexOf(isoToEpochDay(first_date));
  const end = days.indexOf(isoToEpochDay(last_date)) + 1;
  const fit = fitFactorModel(
    input.returns.subarray(start, end),
    factorIds.map((id) => input.factors[input.factorNames.indexOf(id)]!.subarray(start, end)),
    factorIds,
  );
  if (isUndefinedValue(fit)) throw new Error(`independent fit undefined: ${fit.reason}`);
  return fit;
}

describe('resolveCollinearFactorModel', () => {
  it('drops DGS10 when T10YIE = DGS10 − DFII10 and fits the other four like plain OLS', () => {
    const input = macroInput(true);
    const set = computeMetricSet(input, asOfDay);
    for (const window of WINDOWS) {
      expect((set.factor_model as Record<string, { reason?: string }>)[window]!.reason).toBe(
        'singular design matrix',
      );
    }
    const { section, dropped } = resolveCollinearFactorModel(input, set, asOfDay);
    const rows = factorExposureRows('pack', 'P', section, input.factorNames, dropped);
    const four = ['DFII10', 'T10YIE', 'BAMLC0A0CM', 'DTWEXBGS'];
    for (const window of WINDOWS) {
      const byFactor = new Map(rows.filter((r) => r.window === window).map((r) => [r.factor, r]));
      const dgs10 = byFactor.get('DGS10')!;
      expect([dgs10.loading, dgs10.standardError, dgs10.contribution, dgs10.reason]).toEqual([
        null,
        null,
        null,
        'collinear: DGS10 = DFII10 + T10YIE on every observation (dropped from the fit)',
      ]);
      const model = byFactor.get('_model')!;
      expect(model.reason).toBeNull();
      const fit = directFit(input, model.details, four);
      expect((model.details as { k_factors: number }).k_factors).toBe(4);
      for (const id of four) {
        const row = byFactor.get(id)!;
        expect(row.reason).toBeNull();
        expect(row.loading).toBeCloseTo(fit.loadings[id]!, 12);
        expect(row.standardError).toBeCloseTo(fit.stderr_nonrobust[id]!, 12);
      }
      expect(byFactor.get('DFII10')!.loading).toBeCloseTo(-0.03, 2);
      expect(byFactor.get('DTWEXBGS')!.loading).toBeCloseTo(0.4, 1);
    }
  });

  it('fits all five factors as before when the nominal rate is not the sum', () => {
    const input = macroInput(false);
    const set = computeMetricSet(input, asOfDay);
    const { section, dropped } = resolveCollinearFactorModel(input, set, asOfDay);
    expect(dropped).toEqual({});
    expect(section).toEqual(set.factor_model);
    const rows = factorExposureRows('pack', 'P', section, input.factorNames, dropped);
    for (const window of WINDOWS) {
      const byFactor = new Map(rows.filter((r) => r.window === window).map((r) => [r.factor, r]));
      const fit = directFit(input, byFactor.get('_model')!.details, input.factorNames);
      for (const id of input.factorNames) {
        expect(byFactor.get(id)!.reason).toBeNull();
        expect(byFactor.get(id)!.loading).toBeCloseTo(fit.loadings[id]!, 12);
      }
    }
  });

  it('keeps the reason of a fit singular for another reason (a constant factor)', () => {
    const input = macroInput(false);
    const credit = input.factorNames.indexOf('BAMLC0A0CM');
    const constant: MetricSetInput = {
      ...input,
      factors: input.factors.map((f, j) =>
        j === credit ? f.map((x) => (Number.isNaN(x) ? x : 0)) : f,
      ),
    };
    const set = computeMetricSet(constant, asOfDay);
    const { section, dropped } = resolveCollinearFactorModel(constant, set, asOfDay);
    expect(dropped).toEqual({});
    const rows = factorExposureRows('pack', 'P', section, input.factorNames, dropped);
    expect(rows.map((r) => [r.window, r.factor, r.reason])).toEqual(
      WINDOWS.map((w) => [w, '_model', 'singular design matrix']),
    );
  });
});

describe('nominalRateIsRealPlusBreakeven', () => {
  const input = macroInput(true);
  const nominal = input.factorNames.indexOf('DGS10');
  const nudged = (row: number, by: number): MetricSetInput => ({
    ...input,
    factors: input.factors.map((f, j) => {
      if (j !== nominal) return f;
      const copy = f.slice();
      copy[row] = copy[row]! + by;
      return copy;
    }),
  });

  it('holds within 1e-9 pp on every complete row, and no further', () => {
    expect(nominalRateIsRealPlusBreakeven(input, 0, DAYS)).toBe(true);
    expect(nominalRateIsRealPlusBreakeven(nudged(300, 1e-12), 0, DAYS)).toBe(true);
    expect(nominalRateIsRealPlusBreakeven(nudged(300, 1e-6), 0, DAYS)).toBe(false);
    expect(nominalRateIsRealPlusBreakeven(nudged(300, 1e-6), 301, DAYS)).toBe(true);
  });

  it('ignores rows where the return is missing and needs at least one complete row', () => {
    expect(nominalRateIsRealPlusBreakeven(nudged(500, 1), 0, DAYS)).toBe(true);
    expect(nominalRateIsRealPlusBreakeven(input, 500, 501)).toBe(false);
  });
});
