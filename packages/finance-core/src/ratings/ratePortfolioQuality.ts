import { undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';
import { InvalidRatingInputError } from './invalidRatingInputError.js';
import { qualityGrade, type QualityGrade } from './qualityGrade.js';

/** One holding of a portfolio: its market value in the base currency and its rating. */
export interface QualityHolding {
  readonly symbol: string;
  /** Market value in the portfolio's base currency (decimal string or number, ≥ 0). */
  readonly marketValue: string | number;
  /** A company rating (e.g. from rateCompanyQuality) or any `{ value: null, reason }`. */
  readonly rating: { readonly value: number | null; readonly reason?: string };
}

/** A holding that has no score, and why. */
export interface UnratedHolding {
  readonly symbol: string;
  readonly marketValue: number;
  readonly reason: string;
}

/** A rated holding's share of the rated market value and its score. */
export interface RatedHoldingWeight {
  readonly symbol: string;
  readonly weight: number;
  readonly score: number;
}

/** Facts every portfolio result carries. */
interface PortfolioQualityFacts {
  /** Market-value share of holdings with a score, 0–1; null without positive market value. */
  readonly coverage: number | null;
  readonly totalMarketValue: number;
  readonly rated: readonly RatedHoldingWeight[];
  readonly unrated: readonly UnratedHolding[];
}

/** A portfolio with a quality score. */
export interface RatedPortfolioQuality extends PortfolioQualityFacts {
  readonly value: number;
  readonly grade: QualityGrade;
  readonly reason: string;
}

/** A portfolio without a score (no rated holding with positive market value). */
export interface UnratedPortfolioQuality extends UndefinedValue, PortfolioQualityFacts {
  readonly grade: null;
}

/** Result of {@link ratePortfolioQuality}. */
export type PortfolioQuality = RatedPortfolioQuality | UnratedPortfolioQuality;

function marketValueOf(holding: QualityHolding): number {
  const raw = holding.marketValue;
  const value = typeof raw === 'string' && raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new InvalidRatingInputError(
      `holdings[${holding.symbol}].marketValue`,
      `"${String(raw)}" is not a finite non-negative number`,
    );
  }
  return value;
}

/**
 * Holding-weighted quality score of a portfolio: value = Σ mvᵢ·scoreᵢ / Σ mvᵢ over the
 * holdings with a score (mv = market value in base currency), coverage = Σ mv of rated
 * holdings / Σ mv of all holdings. Unrated holdings (funds, too little data) are listed
 * with their reasons and do not dilute the score. `{ value: null, reason }` when coverage
 * is zero or no holding has a positive market value. Throws InvalidRatingInputError for a
 * negative or non-numeric market value or a score outside [0, 10].
 *
 * @example ratePortfolioQuality([{ symbol: 'KO', marketValue: 300, rating: { value: 8 } },
 *   { symbol: 'SPY', marketValue: 100, rating: { value: null, reason: 'not applicable: fund/ETF' } }])
 *   // value 8, coverage 0.75
 */
export function ratePortfolioQuality(holdings: readonly QualityHolding[]): PortfolioQuality {
  let totalMarketValue = 0;
  let ratedMarketValue = 0;
  let weightedScore = 0;
  const scored: { symbol: string; marketValue: number; score: number }[] = [];
  const unrated: UnratedHolding[] = [];
  for (const holding of holdings) {
    const marketValue = marketValueOf(holding);
    const score = holding.rating.value;
    totalMarketValue += marketValue;
    if (score === null) {
      unrated.push({
        symbol: holding.symbol,
        marketValue,
        reason: holding.rating.reason ?? 'no rating',
      });
      continue;
    }
    if (!Number.isFinite(score) || score < 0 || score > 10) {
      throw new InvalidRatingInputError(
        `holdings[${holding.symbol}].rating`,
        `${score} is not a score in [0, 10]`,
      );
    }
    ratedMarketValue += marketValue;
    weightedScore += marketValue * score;
    scored.push({ symbol: holding.symbol, marketValue, score });
  }
  const rated: RatedHoldingWeight[] = scored.map(({ symbol, marketValue, score }) => ({
    symbol,
    weight: ratedMarketValue > 0 ? marketValue / ratedMarketValue : 0,
    score,
  }));
  if (totalMarketValue <= 0) {
    return {
      ...undefinedValue('no holding with a positive market value'),
      grade: null,
      coverage: null,
      totalMarketValue,
      rated,
      unrated,
    };
  }
  const coverage = ratedMarketValue / totalMarketValue;
  if (ratedMarketValue <= 0) {
    return {
      ...undefinedValue(
        'coverage is zero: no holding with a positive market value has a quality score',
      ),
      grade: null,
      coverage,
      totalMarketValue,
      rated,
      unrated,
    };
  }
  const value = weightedScore / ratedMarketValue;
  const reason =
    `market-value-weighted average of ${rated.length} rated holding${rated.length === 1 ? '' : 's'} ` +
    `covering ${(coverage * 100).toFixed(1)}% of the portfolio` +
    (unrated.length === 0 ? '' : `; ${unrated.length} unrated`);
  return { value, grade: qualityGrade(value), reason, coverage, totalMarketValue, rated, unrated };
}
