import type { CompanyQuality, PortfolioQuality } from '@truth-spine/finance-core';
import type { ratings } from '@truth-spine/store/schema';

/** A row of the `ratings` table. */
export type RatingRow = typeof ratings.$inferInsert;

/** The JSON form of a value (drops undefined, keeps null). */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * The `ratings` row of a security: `score` = total 0–10 or null with `reason`;
 * `components` = `{ kind, grade, summary, weights, fiscalYears, components }` where each
 * component carries its value 0–100, reason, measures and inputs (finance-core
 * docs/RATINGS.md), so "why 6.8 and not 8?" can be answered from the row alone.
 */
export function securityRatingRow(
  packId: string,
  symbol: string,
  kind: string | null,
  quality: CompanyQuality,
): RatingRow {
  return {
    packId,
    subjectKind: 'security',
    subjectId: symbol,
    score: quality.value,
    reason: quality.value === null ? quality.reason : null,
    coverage: null,
    components: asJson({
      kind,
      grade: quality.grade,
      summary: quality.reason,
      weights: quality.weights,
      fiscalYears: quality.fiscalYears,
      components: quality.components,
    }),
  };
}

/**
 * The `ratings` row of a portfolio: `score` = market-value-weighted score of its rated
 * holdings or null with `reason`; `coverage` = rated share of the securities' market value;
 * `components` = `{ grade, summary, baseCurrency, totalMarketValue, rated, unrated, unpriced }`.
 */
export function portfolioRatingRow(
  packId: string,
  portfolioId: string,
  baseCurrency: string,
  quality: PortfolioQuality,
  unpriced: readonly { symbol: string; units: string; reason: string }[],
): RatingRow {
  return {
    packId,
    subjectKind: 'portfolio',
    subjectId: portfolioId,
    score: quality.value,
    reason: quality.value === null ? quality.reason : null,
    coverage: quality.coverage,
    components: asJson({
      grade: quality.grade,
      summary: quality.reason,
      baseCurrency,
      totalMarketValue: quality.totalMarketValue,
      rated: quality.rated,
      unrated: quality.unrated,
      unpriced,
    }),
  };
}
