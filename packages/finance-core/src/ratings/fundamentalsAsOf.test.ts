import { describe, expect, it } from 'vitest';
import type { FundamentalsPeriod } from './fundamentalsPeriod.js';
import { periodEndOf, splitFactor, yearsBefore } from './fundamentalsAsOf.js';
import { InvalidRatingInputError } from './invalidRatingInputError.js';
import { rateCompanyQuality } from './rateCompanyQuality.js';

/** Apple's FY2013–FY2016 as reported (FY2013 before the 7-for-1 split of 2014-06-09). */
const apple: FundamentalsPeriod[] = [
  {
    fiscal_year: '2013',
    period_end: '2013-09-28',
    revenue: '171000000000',
    gross_profit: '64304000000',
    operating_income: '48999000000',
    net_income: '37037000000',
    eps_diluted: '40.03',
    interest_expense: '0',
    total_debt: '16960000000',
    total_equity: '124000000000',
    operating_cash_flow: '53666000000',
    capital_expenditure: '-8165000000',
    free_cash_flow: '45501000000',
    shares_diluted: '925231076.7',
    return_on_equity: '0.298685',
  },
  {
    fiscal_year: '2014',
    period_end: '2014-09-27',
    revenue: '183000000000',
    gross_profit: '70537000000',
    operating_income: '52503000000',
    net_income: '39510000000',
    eps_diluted: '6.49',
    interest_expense: '0',
    total_debt: '35295000000',
    total_equity: '112000000000',
    operating_cash_flow: '59713000000',
    capital_expenditure: '-9571000000',
    free_cash_flow: '50142000000',
    shares_diluted: '6087827427',
    return_on_equity: '0.352768',
  },
  {
    fiscal_year: '2015',
    period_end: '2015-09-26',
    revenue: '234000000000',
    gross_profit: '93626000000',
    operating_income: '71230000000',
    net_income: '53394000000',
    eps_diluted: '9.28',
    interest_expense: '0',
    total_debt: '64328000000',
    total_equity: '119000000000',
    operating_cash_flow: '81266000000',
    capital_expenditure: '-11247000000',
    free_cash_flow: '70019000000',
    shares_diluted: '5753663793',
    return_on_equity: '0.448689',
  },
  {
    fiscal_year: '2016',
    period_end: '2016-09-24',
    revenue: '216000000000',
    gross_profit: '84263000000',
    operating_income: '60024000000',
    net_income: '45687000000',
    eps_diluted: '8.35',
    interest_expense: '0',
    total_debt: '87032000000',
    total_equity: '128000000000',
    operating_cash_flow: '65824000000',
    capital_expenditure: '-12734000000',
    free_cash_flow: '53090000000',
    shares_diluted: '5471497006',
    return_on_equity: '0.35693',
  },
];
const sevenForOne = { date: '2014-06-09', numerator: 7, denominator: 1 };
const fourForOne = { date: '2020-08-31', numerator: '4', denominator: '1' };

const measure = (
  quality: ReturnType<typeof rateCompanyQuality>,
  component: 'shareCount' | 'growth',
  name: string,
) => quality.components?.[component].measures.find((m) => m.name === name)?.value;

describe('splitFactor', () => {
  it('counts the splits after the period end and up to D, reverse splits below 1', () => {
    expect(splitFactor([sevenForOne], '2013-09-28', '2017-01-03')).toBe(7);
    expect(splitFactor([sevenForOne], '2014-09-27', '2017-01-03')).toBe(1); // reported after it
    expect(splitFactor([sevenForOne, fourForOne], '2013-09-28', '2024-03-08')).toBe(28);
    expect(splitFactor([fourForOne], '2013-09-28', '2020-08-30')).toBe(1); // after D
    expect(
      splitFactor(
        [{ date: '2021-05-03', numerator: 1, denominator: 10 }],
        '2020-12-31',
        '2022-01-03',
      ),
    ).toBe(0.1);
    expect(() =>
      splitFactor(
        [{ date: '2021-05-03', numerator: 0, denominator: 1 }],
        '2020-12-31',
        '2022-01-03',
      ),
    ).toThrow(InvalidRatingInputError);
  });

  it('takes the fiscal year end from period_end, else 31 December', () => {
    expect(periodEndOf({ fiscal_year: 2016, period_end: '2016-09-24' })).toBe('2016-09-24');
    expect(periodEndOf({ fiscal_year: 2016 })).toBe('2016-12-31');
    expect(yearsBefore('2024-03-08', 2)).toBe('2022-03-08');
  });
});

describe('rateCompanyQuality on D with splits and staleness', () => {
  it('restates FY2013 for the 7-for-1 split inside the window (hand-computed CAGRs)', () => {
    const quality = rateCompanyQuality(apple, {
      kind: 'equity',
      asOf: '2017-01-03',
      splits: [sevenForOne, fourForOne],
    });
    // Shares 2013 restated: 925231076.7 × 7 = 6476617536.9; CAGR 2013→2016 over 3 years.
    const sharesCagr = (5471497006 / (925231076.7 * 7)) ** (1 / 3) - 1;
    expect(sharesCagr).toBeCloseTo(-0.05465, 4);
    expect(measure(quality, 'shareCount', 'diluted shares CAGR')).toBeCloseTo(sharesCagr, 12);
    // EPS 2013 restated: 40.03 / 7 = 5.7186; CAGR to 8.35.
    const epsCagr = (8.35 / (40.03 / 7)) ** (1 / 3) - 1;
    expect(epsCagr).toBeCloseTo(0.1344, 3);
    expect(measure(quality, 'growth', 'EPS CAGR')).toBeCloseTo(epsCagr, 12);
    expect(quality.fiscalYears).toEqual([2013, 2014, 2015, 2016]);
  });

  it('without the split the share count reads +80.8 % and EPS −40.7 % (the bug this fixes)', () => {
    const raw = rateCompanyQuality(apple, { kind: 'equity', asOf: '2017-01-03' });
    expect(measure(raw, 'shareCount', 'diluted shares CAGR')).toBeCloseTo(0.808, 3);
    expect(measure(raw, 'growth', 'EPS CAGR')).toBeCloseTo(-0.407, 3);
  });

  it('ignores a split after D, and restates for a reverse split', () => {
    // D before the 4-for-1: the same as with the 7-for-1 alone.
    const before = rateCompanyQuality(apple, {
      kind: 'equity',
      asOf: '2017-01-03',
      splits: [sevenForOne, fourForOne],
    });
    const sevenOnly = rateCompanyQuality(apple, {
      kind: 'equity',
      asOf: '2017-01-03',
      splits: [sevenForOne],
    });
    expect(before).toEqual(sevenOnly);
    // A 1-for-2 reverse split on 2016-01-04 halves FY2013–FY2015 share counts (FY2016 ends after it).
    const reverse = rateCompanyQuality(apple, {
      kind: 'equity',
      asOf: '2017-01-03',
      splits: [sevenForOne, { date: '2016-01-04', numerator: 1, denominator: 2 }],
    });
    const expected = (5471497006 / ((925231076.7 * 7) / 2)) ** (1 / 3) - 1;
    expect(expected).toBeCloseTo(0.191, 3); // (2 × 0.84481)^(1/3) − 1
    expect(measure(reverse, 'shareCount', 'diluted shares CAGR')).toBeCloseTo(expected, 12);
  });

  it('uses only fiscal years ended on or before D', () => {
    const quality = rateCompanyQuality(apple, {
      kind: 'equity',
      asOf: '2016-09-23',
      splits: [sevenForOne],
    });
    expect(quality.fiscalYears).toEqual([2013, 2014, 2015]);
    const early = rateCompanyQuality(apple, { kind: 'equity', asOf: '2013-09-27' });
    expect(early).toMatchObject({
      value: null,
      reason: 'no fiscal year ended on or before 2013-09-27',
    });
  });

  it('is null with a reason when the latest fiscal year ended more than 2 years before D', () => {
    const stale = rateCompanyQuality(apple, {
      kind: 'equity',
      asOf: '2024-03-08',
      splits: [sevenForOne, fourForOne],
    });
    expect(stale).toMatchObject({
      value: null,
      grade: null,
      reason:
        'stale fundamentals: latest fiscal year 2016 is more than 2 years before 2024-03-08 (it ended 2016-09-24)',
    });
    // Exactly two years after the end is still current.
    expect(rateCompanyQuality(apple, { kind: 'equity', asOf: '2018-09-24' }).value).not.toBeNull();
    expect(rateCompanyQuality(apple, { kind: 'equity', asOf: '2018-09-25' }).value).toBeNull();
  });
});
