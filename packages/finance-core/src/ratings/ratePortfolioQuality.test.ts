import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUndefinedValue } from '../result/undefinedValue.js';
import { InvalidRatingInputError } from './invalidRatingInputError.js';
import { ratePortfolioQuality } from './ratePortfolioQuality.js';

const etf = { value: null, reason: 'not applicable: fund/ETF' };

describe('ratePortfolioQuality', () => {
  it('weights rated holdings by market value and reports coverage and the unrated', () => {
    const result = ratePortfolioQuality([
      { symbol: 'KO', marketValue: '30000.00', rating: { value: 7.705 } },
      { symbol: 'PEP', marketValue: '10000.00', rating: { value: 7.232 } },
      { symbol: 'SPY', marketValue: '20000.00', rating: etf },
      { symbol: 'NEW', marketValue: 0, rating: { value: null, reason: 'too little data' } },
    ]);
    // rated MV 40000 of 60000 → coverage 2/3
    // score = (30000·7.705 + 10000·7.232)/40000 = (231150 + 72320)/40000 = 7.58675 → B
    expect(result.value).toBeCloseTo(7.58675, 10);
    expect(result.grade).toBe('B');
    expect(result.coverage).toBeCloseTo(2 / 3, 12);
    expect(result.rated).toEqual([
      { symbol: 'KO', weight: 0.75, score: 7.705 },
      { symbol: 'PEP', weight: 0.25, score: 7.232 },
    ]);
    expect(result.unrated).toEqual([
      { symbol: 'SPY', marketValue: 20000, reason: 'not applicable: fund/ETF' },
      { symbol: 'NEW', marketValue: 0, reason: 'too little data' },
    ]);
    expect(result.reason).toBe(
      'market-value-weighted average of 2 rated holdings covering 66.7% of the portfolio; 2 unrated',
    );
  });

  it('is null with a reason, not zero, when coverage is zero', () => {
    const result = ratePortfolioQuality([{ symbol: 'SPY', marketValue: 100, rating: etf }]);
    expect(isUndefinedValue(result)).toBe(true);
    expect(result).toMatchObject({
      value: null,
      coverage: 0,
      reason: 'coverage is zero: no holding with a positive market value has a quality score',
    });
  });

  it('is null with a reason for an empty portfolio', () => {
    expect(ratePortfolioQuality([])).toMatchObject({
      value: null,
      coverage: null,
      reason: 'no holding with a positive market value',
    });
  });

  it('rejects a negative or non-numeric market value and an out-of-range score', () => {
    expect(() =>
      ratePortfolioQuality([{ symbol: 'KO', marketValue: '-1', rating: { value: 5 } }]),
    ).toThrow(
      'quality rating input "holdings[KO].marketValue": "-1" is not a finite non-negative number',
    );
    expect(() =>
      ratePortfolioQuality([{ symbol: 'KO', marketValue: 'abc', rating: { value: 5 } }]),
    ).toThrow(InvalidRatingInputError);
    expect(() =>
      ratePortfolioQuality([{ symbol: 'KO', marketValue: 1, rating: { value: 11 } }]),
    ).toThrow(InvalidRatingInputError);
  });

  it('stays between the lowest and highest rated score; coverage within [0, 1]', () => {
    const holding = fc.record({
      symbol: fc.string({ maxLength: 4 }),
      marketValue: fc.double({ min: 0, max: 1e9, noNaN: true }),
      rating: fc.oneof(
        fc.record({ value: fc.double({ min: 0, max: 10, noNaN: true }) }),
        fc.constant(etf),
      ),
    });
    fc.assert(
      fc.property(fc.array(holding, { maxLength: 20 }), (holdings) => {
        const result = ratePortfolioQuality(holdings);
        if (result.coverage !== null && !(result.coverage >= 0 && result.coverage <= 1))
          return false;
        if (result.value === null) return result.reason.length > 0;
        const scores = result.rated.filter((r) => r.weight > 0).map((r) => r.score);
        return (
          result.value >= Math.min(...scores) - 1e-9 && result.value <= Math.max(...scores) + 1e-9
        );
      }),
    );
  });
});
