/** Quality ratings: company and portfolio scores. Contract: docs/RATINGS.md. */
export type { AnnualSeries } from './annualSeries.js';
export * from './fundamentalsAsOf.js';
export * from './fundamentalsPeriod.js';
export * from './invalidFundamentalsError.js';
export * from './invalidRatingInputError.js';
export * from './piecewiseLinear.js';
export * from './qualityComponent.js';
export * from './qualityComponentName.js';
export * from './qualityGrade.js';
export * from './qualityMeasure.js';
export * from './qualityThresholds.js';
export * from './rateCompanyQuality.js';
export * from './ratePortfolioQuality.js';
