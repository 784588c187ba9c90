/** The six components of the quality rating, in report order. */
export const QUALITY_COMPONENT_NAMES = [
  'profitability',
  'margins',
  'leverage',
  'cashConversion',
  'growth',
  'shareCount',
] as const;

/** Name of one quality component. */
export type QualityComponentName = (typeof QUALITY_COMPONENT_NAMES)[number];

/** A number per component, e.g. weights. */
export type PerQualityComponent<T> = { readonly [K in QualityComponentName]: T };

/**
 * Default component weights (sum 1): profitability 0.25, margins 0.20, leverage 0.15,
 * cash conversion 0.15, growth 0.15, share count 0.10.
 */
export const DEFAULT_QUALITY_WEIGHTS: PerQualityComponent<number> = {
  profitability: 0.25,
  margins: 0.2,
  leverage: 0.15,
  cashConversion: 0.15,
  growth: 0.15,
  shareCount: 0.1,
};
