import { describe, expect, it } from 'vitest';
import { compareWithExpected } from '../../test-support/reference/compareWithExpected.js';
import { readExpected } from '../../test-support/reference/referenceData.js';
import { isUndefinedValue } from '../result/undefinedValue.js';
import exactOls from './__fixtures__/exactOls.json' with { type: 'json' };
import {
  referenceFactors,
  referenceReturns,
} from '../../test-support/factors/referenceFactorData.js';
import { attributeFactorReturns } from './attributeFactorReturns.js';
import { fitFactorModel } from './fitFactorModel.js';

/** Keys of a reference window record that are the metric set's window facts, not the model's. */
const WINDOW_FACT_KEYS = new Set(['first_date', 'last_date', 'y', 'n_rows']);

type WindowRecord = Record<string, unknown> & {
  intercept_daily: number;
  n_obs: number;
  stderr_nonrobust: Record<string, number>;
  tvalues: Record<string, number>;
  attribution_compounded: Record<string, unknown>;
  attribution_arithmetic: Record<string, unknown>;
  last_day_decomposition: Record<string, unknown>;
};
type Exact = { n_obs: number; intercept_daily: number; loadings: Record<string, number> };

const market = referenceFactors();
const exact = exactOls as Record<string, Record<string, Exact>>;
const cases = ['P1_2021-09-22', 'P1_2023-06-15', 'P1_2024-12-31', 'P2_2024-12-31'];
const closeTo = (actual: number, expected: number, relative: number) =>
  Math.abs(actual - expected) <= relative * Math.abs(expected);

/**
 * The reference record, except where its intercept is itself further than 1e-10 from the
 * exact rational solution (statsmodels' pinv on a near-zero intercept): there the values
 * derived from the intercept are recomputed from the exact one.
 */
function trustworthyExpectation(record: WindowRecord, exactFit: Exact): WindowRecord {
  if (closeTo(record.intercept_daily, exactFit.intercept_daily, 1e-10)) return record;
  const a = exactFit.intercept_daily;
  const n = record.n_obs;
  return {
    ...record,
    intercept_daily: a,
    tvalues: { ...record.tvalues, const: a / record.stderr_nonrobust['const']! },
    attribution_compounded: { ...record.attribution_compounded, intercept_contribution: a * n },
    attribution_arithmetic: { ...record.attribution_arithmetic, intercept_contribution: a * n },
    last_day_decomposition: { ...record.last_day_decomposition, intercept: a },
  };
}

describe('fitFactorModel + attributeFactorReturns reproduce every reference factor_model value', () => {
  for (const name of cases) {
    const expected = readExpected(name)['factor_model'] as Record<string, WindowRecord>;
    const returns = referenceReturns(name.slice(0, 2), market.dates);
    for (const [window, record] of Object.entries(expected)) {
      if (record['value'] === null) continue; // an anchor before inception: the metric set's concern
      it(`${name} ${window}`, () => {
        const start = market.dates.indexOf(record['first_date'] as string);
        const end = market.dates.indexOf(record['last_date'] as string) + 1;
        expect(start).toBeGreaterThanOrEqual(0);
        const y = returns.subarray(start, end);
        const factors = market.factors.map((f) => f.subarray(start, end));
        const fit = fitFactorModel(y, factors, market.names);
        if (isUndefinedValue(fit)) throw new Error(fit.reason);

        const exactFit = exact[name]![window]!;
        expect(fit.n_obs).toBe(exactFit.n_obs);
        const interceptTolerance =
          1e-12 * (Math.abs(exactFit.intercept_daily) + fit.stderr_nonrobust['const']!);
        expect(Math.abs(fit.intercept_daily - exactFit.intercept_daily)).toBeLessThanOrEqual(
          interceptTolerance,
        );
        for (const factor of market.names) {
          const tolerance =
            1e-12 * (Math.abs(exactFit.loadings[factor]!) + fit.stderr_nonrobust[factor]!);
          expect(Math.abs(fit.loadings[factor]! - exactFit.loadings[factor]!)).toBeLessThanOrEqual(
            tolerance,
          );
        }

        const attribution = attributeFactorReturns(y, factors, market.names, fit);
        const { row, ...lastDay } = attribution.last_day_decomposition;
        const actual = {
          ...fit,
          attribution_compounded: attribution.attribution_compounded,
          attribution_arithmetic: attribution.attribution_arithmetic,
          last_day_decomposition: { ...lastDay, date: market.dates[start + row] },
        };
        const modelOnly = Object.fromEntries(
          Object.entries(trustworthyExpectation(record, exactFit)).filter(
            ([key]) => !WINDOW_FACT_KEYS.has(key),
          ),
        );
        expect(compareWithExpected(actual, modelOnly, ['factor_model', window])).toEqual([]);
      });
    }
  }

  it('meets the exact solution where the reference misses it (P1 2021-09-22 inception intercept)', () => {
    const record = (readExpected('P1_2021-09-22')['factor_model'] as Record<string, WindowRecord>)[
      'inception'
    ]!;
    const exactIntercept = exact['P1_2021-09-22']!['inception']!.intercept_daily;
    const end = market.dates.indexOf('2021-09-22') + 1;
    const fit = fitFactorModel(
      referenceReturns('P1', market.dates).subarray(0, end),
      market.factors.map((f) => f.subarray(0, end)),
      market.names,
    );
    if (isUndefinedValue(fit)) throw new Error(fit.reason);
    const ours = Math.abs(fit.intercept_daily - exactIntercept);
    const theirs = Math.abs(record.intercept_daily - exactIntercept);
    expect(theirs).toBeGreaterThan(1e-10 * Math.abs(exactIntercept));
    expect(ours).toBeLessThan(theirs / 100);
  });
});
