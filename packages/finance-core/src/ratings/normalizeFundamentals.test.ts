import { describe, expect, it } from 'vitest';
import { InvalidFundamentalsError } from './invalidFundamentalsError.js';
import { normalizeFundamentals } from './normalizeFundamentals.js';

describe('normalizeFundamentals', () => {
  it('parses decimal strings and numbers, treats blanks and missing keys as null, sorts by year', () => {
    const years = normalizeFundamentals(
      [
        { fiscal_year: '2024', revenue: '47061000000.0', net_income: 10631000000, eps_diluted: '' },
        { fiscal_year: 2023, revenue: '4.5754E10', capital_expenditure: '-2.5' },
      ],
      10,
    );
    expect(years.map((y) => y.fiscalYear)).toEqual([2023, 2024]);
    expect(years[0]).toMatchObject({
      revenue: 45754000000,
      capital_expenditure: -2.5,
      net_income: null,
    });
    expect(years[1]).toMatchObject({
      revenue: 47061000000,
      net_income: 10631000000,
      eps_diluted: null,
    });
    expect(years[1]?.shares_diluted).toBeNull();
  });

  it('keeps the latest maxYears fiscal years', () => {
    const periods = [2015, 2012, 2014, 2013].map((fiscal_year) => ({ fiscal_year }));
    expect(normalizeFundamentals(periods, 2).map((y) => y.fiscalYear)).toEqual([2014, 2015]);
  });

  it('names the year and field of a bad figure', () => {
    expect(() => normalizeFundamentals([{ fiscal_year: 2015, total_debt: 'n/a' }], 10)).toThrow(
      new InvalidFundamentalsError('2015', 'total_debt', '"n/a" is not a decimal number'),
    );
    expect(() =>
      normalizeFundamentals([{ fiscal_year: 2015, revenue: Number.POSITIVE_INFINITY }], 10),
    ).toThrow(InvalidFundamentalsError);
  });

  it('rejects a fiscal year that is not an integer', () => {
    expect(() => normalizeFundamentals([{ fiscal_year: 'FY15' }], 10)).toThrow(
      'fundamentals for fiscal year FY15, field "fiscal_year": is not an integer year',
    );
    expect(() => normalizeFundamentals([{ fiscal_year: '' }], 10)).toThrow(
      InvalidFundamentalsError,
    );
  });
});
