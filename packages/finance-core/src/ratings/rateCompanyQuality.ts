import { undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';
import { cashConversionComponent } from './cashConversionComponent.js';
import type { AnnualFigures, FundamentalsPeriod } from './fundamentalsPeriod.js';
import { growthComponent } from './growthComponent.js';
import { InvalidRatingInputError } from './invalidRatingInputError.js';
import { leverageComponent } from './leverageComponent.js';
import { marginsComponent } from './marginsComponent.js';
import { normalizeFundamentals } from './normalizeFundamentals.js';
import { profitabilityComponent } from './profitabilityComponent.js';
import type { QualityComponent } from './qualityComponent.js';
import {
  DEFAULT_QUALITY_WEIGHTS,
  QUALITY_COMPONENT_NAMES,
  type PerQualityComponent,
  type QualityComponentName,
} from './qualityComponentName.js';
import { qualityGrade, type QualityGrade } from './qualityGrade.js';
import {
  DEFAULT_MAX_YEARS,
  MIN_SCORED_COMPONENTS,
  MIN_SCORED_WEIGHT_SHARE,
} from './qualityThresholds.js';
import { shareCountComponent } from './shareCountComponent.js';

/** Security kinds as in the books' `securities.csv`; only equities and ADRs are rated. */
export type SecurityKind = 'equity' | 'adr' | 'etf' | 'fund' | 'cash';

/** Reasons a security has no quality rating at all. */
export const QualityReason = {
  notApplicableFund: 'not applicable: fund/ETF',
  notApplicableCash: 'not applicable: cash',
} as const;

/** Options of {@link rateCompanyQuality}. */
export interface CompanyQualityOptions {
  /** Security kind; funds, ETFs and cash are not rated. */
  readonly kind: SecurityKind;
  /** Component weights (any non-negative scale; normalised). Missing names take the default. */
  readonly weights?: Partial<PerQualityComponent<number>>;
  /** How many of the most recent fiscal years to use (default 10). */
  readonly maxYears?: number;
}

/** A company with a quality score. */
export interface RatedCompanyQuality {
  /** Total score 0–10 = Σ wᵢ·componentᵢ / 10 over scored components (weights renormalised). */
  readonly value: number;
  readonly grade: QualityGrade;
  readonly reason: string;
  readonly components: PerQualityComponent<QualityComponent>;
  /** Effective weights (sum 1); 0 for a component without a score. */
  readonly weights: PerQualityComponent<number>;
  /** Fiscal years considered (ascending). */
  readonly fiscalYears: readonly number[];
}

/** A company without a total: not applicable (components null) or too little data. */
export interface UnratedCompanyQuality extends UndefinedValue {
  readonly grade: null;
  readonly components: PerQualityComponent<QualityComponent> | null;
  readonly weights: null;
  readonly fiscalYears: readonly number[];
}

/** Result of {@link rateCompanyQuality}. */
export type CompanyQuality = RatedCompanyQuality | UnratedCompanyQuality;

const COMPONENTS: PerQualityComponent<(years: readonly AnnualFigures[]) => QualityComponent> = {
  profitability: profitabilityComponent,
  margins: marginsComponent,
  leverage: leverageComponent,
  cashConversion: cashConversionComponent,
  growth: growthComponent,
  shareCount: shareCountComponent,
};

function notApplicable(reason: string): UnratedCompanyQuality {
  return {
    ...undefinedValue(reason),
    grade: null,
    components: null,
    weights: null,
    fiscalYears: [],
  };
}

function configuredWeights(
  overrides: CompanyQualityOptions['weights'],
): PerQualityComponent<number> {
  const weights = { ...DEFAULT_QUALITY_WEIGHTS, ...overrides };
  let total = 0;
  for (const name of QUALITY_COMPONENT_NAMES) {
    const weight = weights[name];
    if (!Number.isFinite(weight) || weight < 0) {
      throw new InvalidRatingInputError(
        `weights.${name}`,
        `${weight} is not a finite non-negative number`,
      );
    }
    total += weight;
  }
  if (total <= 0) throw new InvalidRatingInputError('weights', 'all weights are zero');
  return weights;
}

function maxYearsOption(maxYears: number | undefined): number {
  if (maxYears === undefined) return DEFAULT_MAX_YEARS;
  if (!Number.isInteger(maxYears) || maxYears < 1) {
    throw new InvalidRatingInputError('maxYears', `${maxYears} is not a positive integer`);
  }
  return maxYears;
}

/**
 * Buffett-style quality score of one company from annual fundamentals (docs/RATINGS.md).
 * Six components are scored 0–100 on documented curves; the total on 0–10 is
 * Σ wᵢ·scoreᵢ / (10·Σ wᵢ) over the components that have a score, so the weight of a
 * missing component is shared out pro rata. The total is `{ value: null, reason }` when
 * fewer than 3 components or less than half of the configured weight could be scored, and
 * for funds/ETFs (`'not applicable: fund/ETF'`) and cash. Throws InvalidFundamentalsError
 * or InvalidRatingInputError for unusable input.
 *
 * @example rateCompanyQuality(koPeriods, { kind: 'equity' }).value // 7.70… (docs/RATINGS.md)
 */
export function rateCompanyQuality(
  periods: readonly FundamentalsPeriod[],
  options: CompanyQualityOptions,
): CompanyQuality {
  switch (options.kind) {
    case 'etf':
    case 'fund':
      return notApplicable(QualityReason.notApplicableFund);
    case 'cash':
      return notApplicable(QualityReason.notApplicableCash);
    case 'equity':
    case 'adr':
      break;
    default:
      throw new InvalidRatingInputError(
        'kind',
        `"${String(options.kind)}" is not one of equity, adr, etf, fund, cash`,
      );
  }
  const configured = configuredWeights(options.weights);
  const years = normalizeFundamentals(periods, maxYearsOption(options.maxYears));
  const fiscalYears = years.map((year) => year.fiscalYear);
  const components = {} as Record<QualityComponentName, QualityComponent>;
  let configuredTotal = 0;
  let scoredWeight = 0;
  let scoredCount = 0;
  let weightedScore = 0;
  for (const name of QUALITY_COMPONENT_NAMES) {
    const component = COMPONENTS[name](years);
    components[name] = component;
    configuredTotal += configured[name];
    if (component.value === null) continue;
    scoredCount++;
    scoredWeight += configured[name];
    weightedScore += configured[name] * component.value;
  }
  const scoredShare = scoredWeight / configuredTotal;
  if (scoredCount < MIN_SCORED_COMPONENTS || scoredShare < MIN_SCORED_WEIGHT_SHARE) {
    const reason =
      `too little data: ${scoredCount} of ${QUALITY_COMPONENT_NAMES.length} components scored ` +
      `carrying ${(scoredShare * 100).toFixed(0)}% of the weight (needs ${MIN_SCORED_COMPONENTS} ` +
      `and ${(MIN_SCORED_WEIGHT_SHARE * 100).toFixed(0)}%)`;
    return { ...undefinedValue(reason), grade: null, components, weights: null, fiscalYears };
  }
  const weights = {} as Record<QualityComponentName, number>;
  for (const name of QUALITY_COMPONENT_NAMES) {
    weights[name] = components[name].value === null ? 0 : configured[name] / scoredWeight;
  }
  const value = weightedScore / scoredWeight / 10;
  const missing = QUALITY_COMPONENT_NAMES.filter((name) => components[name].value === null);
  const reason =
    `${scoredCount} of ${QUALITY_COMPONENT_NAMES.length} components scored over fiscal years ` +
    `${fiscalYears[0]}–${fiscalYears[fiscalYears.length - 1]}` +
    (missing.length === 0 ? '' : `; weight of ${missing.join(', ')} shared out pro rata`);
  return { value, grade: qualityGrade(value), reason, components, weights, fiscalYears };
}
