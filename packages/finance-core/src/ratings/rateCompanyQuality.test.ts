import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isUndefinedValue } from '../result/undefinedValue.js';
import type { FundamentalsPeriod } from './fundamentalsPeriod.js';
import { InvalidFundamentalsError } from './invalidFundamentalsError.js';
import { InvalidRatingInputError } from './invalidRatingInputError.js';
import type { QualityComponent } from './qualityComponent.js';
import { QUALITY_COMPONENT_NAMES } from './qualityComponentName.js';
import {
  rateCompanyQuality,
  type CompanyQuality,
  type RatedCompanyQuality,
} from './rateCompanyQuality.js';

const EQUITY = { kind: 'equity' } as const;

/** A fundamentals file of __fixtures__ (offline data set shape, see SOURCES.md there). */
function fixture(name: string): { symbol: string; periods: FundamentalsPeriod[] } {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
}

const ko = fixture('tongula-KO.json');
const pep = fixture('tongula-PEP.json');
const koRecent = fixture('marc1-KO.json');

function rated(result: CompanyQuality): RatedCompanyQuality {
  if (result.value === null) throw new Error(`expected a score, got: ${result.reason}`);
  return result as RatedCompanyQuality;
}

function score(component: QualityComponent): number {
  if (component.value === null)
    throw new Error(`expected a component score, got: ${component.reason}`);
  return component.value;
}

function measure(component: QualityComponent, name: string) {
  const found = component.measures.find((m) => m.name === name);
  if (found === undefined) throw new Error(`no measure "${name}"`);
  return found;
}

// Coca-Cola FY2012–2015 from the S&P 500 fundamentals set (see __fixtures__/SOURCES.md).
// All figures in USD millions below; the fixture holds them in USD.
describe('rateCompanyQuality — Coca-Cola (KO), FY2012–2015, hand-checked', () => {
  const result = rated(rateCompanyQuality(ko.periods, EQUITY));
  const c = result.components;

  it('profitability: mean ROE 26.4 % ≥ 25 % → 100; every year ≥ 15 % → 100; total 100', () => {
    // ROE = net income / total equity:
    //   2012 9019/32790 = 27.51 %   2013 8584/33173 = 25.88 %
    //   2014 7098/30320 = 23.41 %   2015 7351/25554 = 28.77 %
    //   mean = (27.51 + 25.88 + 23.41 + 28.77)/4 = 26.39 % → at or above the 25 % anchor → 100
    //   years below 15 %: 0 of 4 → share at/above = 1 → 100;  0.6·100 + 0.4·100 = 100
    expect(measure(c.profitability, 'mean ROE').value).toBeCloseTo(0.2639, 4);
    const roe = c.profitability.inputs['ROE'];
    expect(roe?.fiscalYears).toEqual([2012, 2013, 2014, 2015]);
    expect(roe?.values[0]).toBeCloseTo(0.2751, 4);
    expect(roe?.values[3]).toBeCloseTo(0.2877, 4);
    expect(score(c.profitability)).toBe(100);
    expect(c.profitability.reason).toBe(
      'ROE averaged 26.4% over 4 years (2012–2015); ROE below 15.0% in 0 of 4 years',
    );
  });

  it('margins: 93.48', () => {
    // gross margin: 2012 28964/48017 = 60.32 %, 2013 28433/46854 = 60.68 %,
    //   2014 28109/45998 = 61.11 %, 2015 26812/44294 = 60.53 %
    //   mean 60.66 % ≥ 60 % → 100;  sample std 0.33 pp ≤ 1 pp → 100
    // operating margin: 2012 10779/48017 = 22.45 %, 2013 10228/46854 = 21.83 %,
    //   2014 9708/45998 = 21.11 %, 2015 8728/44294 = 19.70 %
    //   mean 21.272 % → between (20 %, 80) and (30 %, 100): 80 + 1.272/10·20 = 82.544
    //   sample std 1.1802 pp → between (1 pp, 100) and (3 pp, 70): 100 − 0.1802/2·30 = 97.297
    // margins = 0.35·100 + 0.15·100 + 0.35·82.544 + 0.15·97.297 = 35 + 15 + 28.890 + 14.595 = 93.485
    expect(measure(c.margins, 'mean operating margin').score).toBeCloseTo(82.544, 3);
    expect(measure(c.margins, 'operating margin standard deviation').score).toBeCloseTo(97.297, 3);
    expect(score(c.margins)).toBeCloseTo(93.485, 3);
  });

  it('leverage: debt/equity 1.73 → 40.79, coverage 10.2× → 86.28; total 63.53', () => {
    // 2015 total debt = long-term 28407 + short-term 15806 = 44213; equity 25554
    //   D/E = 44213/25554 = 1.7302 → between (1, 70) and (2, 30): 70 − 0.7302·40 = 40.793
    // 2015 coverage = operating income 8728 / interest 856 = 10.196× → between (8, 80) and (15, 100):
    //   80 + 2.196/7·20 = 86.275;  leverage = (40.793 + 86.275)/2 = 63.534
    expect(measure(c.leverage, 'debt / equity').score).toBeCloseTo(40.793, 3);
    expect(measure(c.leverage, 'interest coverage').score).toBeCloseTo(86.275, 3);
    expect(score(c.leverage)).toBeCloseTo(63.534, 3);
    expect(c.leverage.fiscalYears).toEqual([2015]);
    expect(c.leverage.inputs).toEqual({
      'total debt': { fiscalYears: [2015], values: [44213000000] },
      'total equity': { fiscalYears: [2015], values: [25554000000] },
      'operating income': { fiscalYears: [2015], values: [8728000000] },
      'interest expense': { fiscalYears: [2015], values: [856000000] },
    });
  });

  it('cash conversion: Σ FCF / Σ net income = 0.9997 → 99.96', () => {
    // FCF = operating cash flow − |capex|: 2012 10645 − 2780 = 7865, 2013 10542 − 2550 = 7992,
    //   2014 10615 − 2406 = 8209, 2015 10528 − 2553 = 7975 → Σ 32041
    // Σ net income = 9019 + 8584 + 7098 + 7351 = 32052;  32041/32052 = 0.99966
    //   between (0.8, 75) and (1, 100): 75 + 0.19966/0.2·25 = 99.957
    expect(score(c.cashConversion)).toBeCloseTo(99.957, 3);
  });

  it('growth: shrinking revenue and EPS → 4.22', () => {
    // revenue CAGR = (44294/48017)^(1/3) − 1 = −2.654 % → between (−5 %, 0) and (0 %, 30): 30 − 2.654/5·30 = 14.074
    // EPS CAGR = (1.69/2.00)^(1/3) − 1 = −5.459 % ≤ −5 % → 0
    // down years: revenue fell 3 of 3; EPS 2.00 → 1.94 → 1.62 → 1.69 fell 2 of 3 → 5/6 = 83 % ≥ 50 % → 0
    // growth = 0.3·14.074 + 0.3·0 + 0.4·0 = 4.222
    expect(measure(c.growth, 'revenue CAGR').score).toBeCloseTo(14.074, 3);
    expect(measure(c.growth, 'EPS CAGR').score).toBe(0);
    expect(measure(c.growth, 'share of down years').value).toBeCloseTo(5 / 6, 12);
    expect(score(c.growth)).toBeCloseTo(4.222, 3);
  });

  it('share count: diluted shares −1.20 % a year → 81.95', () => {
    // (4349704142/4509500000)^(1/3) − 1 = −1.1954 % → between (−3 %, 100) and (0 %, 70): 70 + 1.1954/3·30 = 81.954
    expect(score(c.shareCount)).toBeCloseTo(81.954, 3);
  });

  it('total 7.70 (grade B) from the default weights', () => {
    // (0.25·100 + 0.20·93.485 + 0.15·63.534 + 0.15·99.957 + 0.15·4.222 + 0.10·81.954)/10
    //   = (25 + 18.697 + 9.530 + 14.994 + 0.633 + 8.195)/10 = 7.705 → 7 ≤ 7.705 < 8.5 → B
    expect(result.value).toBeCloseTo(7.705, 3);
    expect(result.grade).toBe('B');
    expect(result.fiscalYears).toEqual([2012, 2013, 2014, 2015]);
    expect(result.weights.profitability).toBeCloseTo(0.25, 12);
  });
});

// PepsiCo FY2013–2016 from the same set; the FY2016 row has no EPS and no share count.
describe('rateCompanyQuality — PepsiCo (PEP), FY2013–2016, hand-checked', () => {
  const result = rated(rateCompanyQuality(pep.periods, EQUITY));
  const c = result.components;

  it('profitability 100: ROE 27.6 %, 37.1 %, 45.2 %, 56.3 % (mean 41.5 %)', () => {
    // 6740/24409 = 27.61 %, 6513/17578 = 37.05 %, 5452/12068 = 45.18 %, 6329/11246 = 56.28 %
    expect(score(c.profitability)).toBe(100);
  });

  it('margins 82.52', () => {
    // gross: 35172/66415 = 52.96 %, 35445/66683 = 53.15 %, 34325/63056 = 54.44 %, 34590/62799 = 55.08 %
    //   mean 53.907 % → 75 + 13.907/20·25 = 92.384;  sample std 1.0204 pp → 100 − 0.0204/2·30 = 99.694
    // operating: 9705/66415 = 14.61 %, 9581/66683 = 14.37 %, 8353/63056 = 13.25 %, 9785/62799 = 15.58 %
    //   mean 14.452 % → 40 + 4.452/10·40 = 57.809;  sample std 0.959 pp ≤ 1 pp → 100
    // margins = 0.35·92.384 + 0.15·99.694 + 0.35·57.809 + 0.15·100 = 82.522
    expect(measure(c.margins, 'mean gross margin').score).toBeCloseTo(92.384, 3);
    expect(measure(c.margins, 'mean operating margin').score).toBeCloseTo(57.809, 3);
    expect(score(c.margins)).toBeCloseTo(82.522, 3);
  });

  it('leverage 37.17: D/E 3.29 scores 0, coverage 7.29× → 74.33', () => {
    // 2016: debt 30053 + 6892 = 36945; equity 11246 → 3.285 ≥ 3 → 0
    // 2016: 9785/1342 = 7.2914× → 40 + 4.2914/5·40 = 74.331;  (0 + 74.331)/2 = 37.165
    expect(measure(c.leverage, 'debt / equity').score).toBe(0);
    expect(score(c.leverage)).toBeCloseTo(37.165, 3);
  });

  it('cash conversion 100: Σ FCF 29726 > Σ net income 25034', () => {
    // FCF: 9688−2795 = 6893, 10506−2859 = 7647, 10580−2758 = 7822, 10404−3040 = 7364 → 29726
    // NI: 6740 + 6513 + 5452 + 6329 = 25034;  ratio 1.187 ≥ 1 → 100
    expect(measure(c.cashConversion, 'free cash flow / net income').value).toBeCloseTo(
      29726 / 25034,
      12,
    );
    expect(score(c.cashConversion)).toBe(100);
  });

  it('growth 5.67 uses the three EPS years that exist', () => {
    // revenue CAGR (62799/66415)^(1/3) − 1 = −1.849 % → 30 − 1.849/5·30 = 18.907
    // EPS (2013–2015 only) (3.71/4.37)^(1/2) − 1 = −7.86 % → 0
    // down: revenue 66415 → 66683 ↑ → 63056 ↓ → 62799 ↓ = 2 of 3; EPS 4.37 → 4.31 ↓ → 3.71 ↓ = 2 of 2
    //   4/5 = 80 % → 0;  growth = 0.3·18.907 = 5.672
    expect(measure(c.growth, 'EPS CAGR').reason).toBe('EPS CAGR -7.9% a year from 2013 to 2015');
    expect(score(c.growth)).toBeCloseTo(5.672, 3);
  });

  it('share count 93.88 from 2013–2015', () => {
    // (1469541779/1542334096)^(1/2) − 1 = −2.388 % → 70 + 2.388/3·30 = 93.883
    expect(score(c.shareCount)).toBeCloseTo(93.883, 3);
    expect(c.shareCount.fiscalYears).toEqual([2013, 2014, 2015]);
  });

  it('total 7.23 (grade B)', () => {
    // (0.25·100 + 0.20·82.522 + 0.15·37.165 + 0.15·100 + 0.15·5.672 + 0.10·93.883)/10
    //   = (25 + 16.504 + 5.575 + 15 + 0.851 + 9.388)/10 = 7.232
    expect(result.value).toBeCloseTo(7.232, 3);
    expect(result.grade).toBe('B');
  });
});

describe('rateCompanyQuality — missing data', () => {
  it('redistributes the weight of a missing component pro rata', () => {
    const withoutShares = ko.periods.map((period) => ({ ...period, shares_diluted: null }));
    const result = rated(rateCompanyQuality(withoutShares, EQUITY));
    expect(result.components.shareCount.value).toBeNull();
    expect(result.components.shareCount.reason).toBe(
      'diluted shares available for 0 fiscal years, needs at least 3',
    );
    // the other five keep their KO scores; weights 0.25, 0.20, 0.15, 0.15, 0.15 sum to 0.90:
    // (25 + 18.697 + 9.530 + 14.994 + 0.633)/0.90/10 = 68.854/9 = 7.650
    expect(result.value).toBeCloseTo(7.6505, 3);
    expect(result.weights.shareCount).toBe(0);
    expect(result.weights.profitability).toBeCloseTo(0.25 / 0.9, 12);
    expect(result.reason).toBe(
      '5 of 6 components scored over fiscal years 2012–2015; weight of shareCount shared out pro rata',
    );
  });

  it('is null with a reason when too little is available (KO FY2020–2024 income statement only)', () => {
    // The FY2020 row of this source is blank; the others have revenue, gross profit,
    // operating income, net income and EPS — no balance sheet or cash flow.
    const result = rateCompanyQuality(koRecent.periods, EQUITY);
    expect(isUndefinedValue(result)).toBe(true);
    expect(result.reason).toBe(
      'too little data: 2 of 6 components scored carrying 35% of the weight (needs 3 and 50%)',
    );
    const components = result.components;
    if (components === null) throw new Error('components expected');
    expect(components.profitability).toMatchObject({
      value: null,
      reason: 'ROE available for 0 fiscal years, needs at least 3',
    });
    expect(components.leverage.value).toBeNull();
    // gross margin 2024 = 28737/47061 = 61.06 %, 2023 27234/45754 = 59.52 %,
    // 2022 25004/43004 = 58.14 %, 2021 23298/38655 = 60.27 % → mean 59.75 % → 75 + 19.75/20·25 = 99.688
    expect(measure(components.margins, 'mean gross margin').score).toBeCloseTo(99.688, 3);
    // revenue CAGR (47061/38655)^(1/3) − 1 = 6.779 % → 60 + 1.779/5·25 = 68.894
    expect(measure(components.growth, 'revenue CAGR').score).toBeCloseTo(68.894, 3);
  });

  it('stays null with a reason, never zero, for no periods at all', () => {
    const result = rateCompanyQuality([], EQUITY);
    expect(result.value).toBeNull();
    expect(result.reason).toMatch(/^too little data: 0 of 6 components/);
  });
});

describe('rateCompanyQuality — not applicable and bad input', () => {
  it('an ETF or fund is not applicable, not zero', () => {
    for (const kind of ['etf', 'fund'] as const) {
      const result = rateCompanyQuality(ko.periods, { kind });
      expect(result).toEqual({
        value: null,
        reason: 'not applicable: fund/ETF',
        grade: null,
        components: null,
        weights: null,
        fiscalYears: [],
      });
      expect(isUndefinedValue(result)).toBe(true);
    }
  });

  it('an ADR is rated like an equity', () => {
    expect(rateCompanyQuality(ko.periods, { kind: 'adr' }).value).toBeCloseTo(7.705, 3);
  });

  it('rejects a repeated fiscal year, naming it', () => {
    const periods = [...ko.periods, { ...(ko.periods[0] as FundamentalsPeriod), revenue: '1' }];
    expect(() => rateCompanyQuality(periods, EQUITY)).toThrow(
      'fundamentals for fiscal year 2012, field "fiscal_year": appears more than once',
    );
  });

  it('rejects a figure that is not a decimal, naming year and field', () => {
    const periods = [{ fiscal_year: 2015, revenue: '44,294' }];
    const error = (() => {
      try {
        rateCompanyQuality(periods, EQUITY);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidFundamentalsError);
    expect(error).toMatchObject({
      code: 'invalid_fundamentals',
      fiscalYear: '2015',
      field: 'revenue',
    });
  });

  it('rejects bad options', () => {
    expect(() => rateCompanyQuality(ko.periods, { kind: 'bond' as 'equity' })).toThrow(
      InvalidRatingInputError,
    );
    expect(() => rateCompanyQuality(ko.periods, { ...EQUITY, weights: { margins: -1 } })).toThrow(
      'quality rating input "weights.margins": -1 is not a finite non-negative number',
    );
    expect(() => rateCompanyQuality(ko.periods, { ...EQUITY, maxYears: 0 })).toThrow(
      InvalidRatingInputError,
    );
  });

  it('configurable weights are normalised', () => {
    const equal = rated(
      rateCompanyQuality(ko.periods, {
        ...EQUITY,
        weights: {
          profitability: 1,
          margins: 1,
          leverage: 1,
          cashConversion: 1,
          growth: 1,
          shareCount: 1,
        },
      }),
    );
    // (100 + 93.485 + 63.534 + 99.957 + 4.222 + 81.954)/6/10 = 7.386
    expect(equal.value).toBeCloseTo(7.386, 3);
  });

  it('maxYears keeps only the latest fiscal years', () => {
    const result = rateCompanyQuality(ko.periods, { ...EQUITY, maxYears: 2 });
    expect(result.fiscalYears).toEqual([2014, 2015]);
    expect(result.components?.profitability.value).toBeNull();
  });
});

const figure = fc.option(fc.double({ min: -1e11, max: 1e11, noNaN: true }), { nil: null });
const periodArb = fc.record({
  revenue: figure,
  gross_profit: figure,
  operating_income: figure,
  net_income: figure,
  eps_diluted: fc.option(fc.double({ min: -50, max: 50, noNaN: true }), { nil: null }),
  interest_expense: figure,
  total_debt: figure,
  total_equity: figure,
  operating_cash_flow: figure,
  capital_expenditure: figure,
  free_cash_flow: figure,
  shares_diluted: figure,
  return_on_equity: fc.option(fc.double({ min: -5, max: 5, noNaN: true }), { nil: null }),
});
const historyArb = fc
  .array(periodArb, { maxLength: 12 })
  .map((periods) => periods.map((period, i) => ({ ...period, fiscal_year: 2010 + i })));

describe('rateCompanyQuality — properties', () => {
  it('components stay within [0, 100] and the total within [0, 10], or are null with a reason', () => {
    fc.assert(
      fc.property(historyArb, (periods) => {
        const result = rateCompanyQuality(periods, EQUITY);
        if (result.value === null) {
          if (result.reason.length === 0) return false;
        } else if (!(result.value >= 0 && result.value <= 10)) return false;
        const components = result.components;
        if (components === null) return false;
        return QUALITY_COMPONENT_NAMES.every((name) => {
          const value = components[name].value;
          return value === null ? components[name].reason.length > 0 : value >= 0 && value <= 100;
        });
      }),
      { numRuns: 500 },
    );
  });

  it('raising one year’s ROE never lowers the profitability score', () => {
    const positiveEquityHistory = fc
      .array(
        fc.record({
          net_income: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
          total_equity: fc.double({ min: 1e6, max: 1e10, noNaN: true }),
        }),
        { minLength: 1, maxLength: 10 },
      )
      .map((periods) => periods.map((period, i) => ({ ...period, fiscal_year: 2000 + i })));
    fc.assert(
      fc.property(
        positiveEquityHistory,
        fc.nat(),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (periods, at, raise) => {
          const i = at % periods.length;
          const raised = periods.map((period, j) =>
            j === i ? { ...period, net_income: period.net_income + raise } : period,
          );
          const before =
            rateCompanyQuality(periods, EQUITY).components?.profitability.value ?? null;
          const after = rateCompanyQuality(raised, EQUITY).components?.profitability.value ?? null;
          return before === null ? after === null : after !== null && after >= before;
        },
      ),
      { numRuns: 500 },
    );
  });
});
