import type { ScoreAnchor } from './piecewiseLinear.js';

/**
 * Anchor points of every scoring curve of the quality rating (docs/RATINGS.md is the prose
 * form of this table). Each measure is scored 0–100 by linear interpolation between its
 * anchors and clamped outside them. Ratios and rates are fractions (0.15 = 15 %).
 */
export const QUALITY_CURVES = {
  /** Mean return on equity: ≤ 0 % → 0, 10 % → 40, 15 % → 70, 20 % → 90, ≥ 25 % → 100. */
  meanRoe: [
    [0, 0],
    [0.1, 40],
    [0.15, 70],
    [0.2, 90],
    [0.25, 100],
  ],
  /** Share of years with ROE at or above {@link ROE_HURDLE}: 0 → 0, all → 100. */
  roeHurdleShare: [
    [0, 0],
    [1, 100],
  ],
  /** Mean gross margin: ≤ 10 % → 0, 20 % → 25, 40 % → 75, ≥ 60 % → 100. */
  meanGrossMargin: [
    [0.1, 0],
    [0.2, 25],
    [0.4, 75],
    [0.6, 100],
  ],
  /** Mean operating margin: ≤ 0 % → 0, 10 % → 40, 20 % → 80, ≥ 30 % → 100. */
  meanOperatingMargin: [
    [0, 0],
    [0.1, 40],
    [0.2, 80],
    [0.3, 100],
  ],
  /** Sample std of a margin (percentage points as a fraction): ≤ 1 pp → 100, 3 pp → 70, 5 pp → 40, ≥ 10 pp → 0. */
  marginStdDev: [
    [0.01, 100],
    [0.03, 70],
    [0.05, 40],
    [0.1, 0],
  ],
  /** Total debt / total equity (latest year): ≤ 0.5 → 100, 1 → 70, 2 → 30, ≥ 3 → 0. */
  debtToEquity: [
    [0.5, 100],
    [1, 70],
    [2, 30],
    [3, 0],
  ],
  /** Operating income / interest expense (latest year): ≤ 1× → 0, 3× → 40, 8× → 80, ≥ 15× → 100. */
  interestCoverage: [
    [1, 0],
    [3, 40],
    [8, 80],
    [15, 100],
  ],
  /** Σ free cash flow / Σ net income: ≤ 0 → 0, 0.5 → 40, 0.8 → 75, ≥ 1 → 100. */
  cashConversion: [
    [0, 0],
    [0.5, 40],
    [0.8, 75],
    [1, 100],
  ],
  /** Revenue or EPS CAGR: ≤ −5 % → 0, 0 % → 30, 5 % → 60, 10 % → 85, ≥ 15 % → 100. */
  growthCagr: [
    [-0.05, 0],
    [0, 30],
    [0.05, 60],
    [0.1, 85],
    [0.15, 100],
  ],
  /** Share of year-over-year declines in revenue and EPS together: 0 → 100, ≥ 50 % → 0. */
  downYearShare: [
    [0, 100],
    [0.5, 0],
  ],
  /** CAGR of diluted shares: ≤ −3 % (buybacks) → 100, 0 % → 70, +2 % → 40, ≥ +5 % (dilution) → 0. */
  shareCountCagr: [
    [-0.03, 100],
    [0, 70],
    [0.02, 40],
    [0.05, 0],
  ],
} as const satisfies Record<string, readonly ScoreAnchor[]>;

/** A year "clears the hurdle" when its ROE is at least 15 %. */
export const ROE_HURDLE = 0.15;

/** Trend and consistency measures need at least this many fiscal years of their figures. */
export const MIN_TREND_YEARS = 3;

/** Default number of most recent fiscal years considered. */
export const DEFAULT_MAX_YEARS = 10;

/** A total needs at least this many scored components… */
export const MIN_SCORED_COMPONENTS = 3;

/** …carrying at least this share of the configured weights. */
export const MIN_SCORED_WEIGHT_SHARE = 0.5;
