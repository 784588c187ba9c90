import { undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';
import { cashConversionComponent } from './cashConversionComponent.js';
import {
  periodEndOf,
  splitAdjustedYear,
  splitFactor,
  yearsBefore,
  type ShareSplit,
} from './fundamentalsAsOf.js';
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
  /**
   * The date D rated for (YYYY-MM-DD). Given, only fiscal years ended on or before D are
   * used, they are restated for `splits` effective up to D, and fundamentals whose latest
   * year ended more than `maxStaleYears` before D are not rated. Absent: every period as
   * given (already on one share basis).
   */
  readonly asOf?: string;
  /** The security's splits (any dates; only those after a period's end and ≤ D count). */
  readonly splits?: readonly ShareSplit[];
  /** How old the latest fiscal year may be on D, in years (default {@link DEFAULT_MAX_STALE_YEARS}). */
  readonly maxStaleYears?: number;
}

/** The latest fiscal year may have ended at most this many years before D. */
export const DEFAULT_MAX_STALE_YEARS = 2;

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

/**
 * The fiscal years rated on D = `options.asOf`: those ended ≤ D, the latest `maxYears`,
 * restated for the splits up to D; or why there are none (all after D, or stale).
 */
function currentYears(
  periods: readonly FundamentalsPeriod[],
  options: CompanyQualityOptions,
): { years: AnnualFigures[] } | { reason: string } {
  const maxYears = maxYearsOption(options.maxYears);
  const asOf = options.asOf;
  if (asOf === undefined) return { years: normalizeFundamentals(periods, maxYears) };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new InvalidRatingInputError('asOf', `"${asOf}" is not a date YYYY-MM-DD`);
  }
  const maxStale = options.maxStaleYears ?? DEFAULT_MAX_STALE_YEARS;
  if (!Number.isInteger(maxStale) || maxStale < 0) {
    throw new InvalidRatingInputError('maxStaleYears', `${maxStale} is not a whole number ≥ 0`);
  }
  const endOf = new Map<number, string>();
  const ended = periods.filter((period) => {
    const end = periodEndOf(period);
    if (end > asOf) return false;
    endOf.set(Number(period.fiscal_year), end);
    return true;
  });
  if (ended.length === 0 && periods.length > 0) {
    return { reason: `no fiscal year ended on or before ${asOf}` };
  }
  const years = normalizeFundamentals(ended, maxYears);
  const latest = years.at(-1);
  const latestEnd = latest === undefined ? undefined : endOf.get(latest.fiscalYear);
  if (latest !== undefined && latestEnd !== undefined && latestEnd < yearsBefore(asOf, maxStale)) {
    return {
      reason:
        `stale fundamentals: latest fiscal year ${latest.fiscalYear} is more than ${maxStale} ` +
        `years before ${asOf} (it ended ${latestEnd})`,
    };
  }
  const splits = options.splits ?? [];
  return {
    years: years.map((year) =>
      splitAdjustedYear(year, splitFactor(splits, endOf.get(year.fiscalYear) ?? asOf, asOf)),
    ),
  };
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
 * for funds/ETFs (`'not applicable: fund/ETF'`) and cash. With `asOf` = D it rates only
 * fiscal years ended ≤ D, restated for the splits effective up to D (share counts × f,
 * EPS ÷ f: {@link splitFactor}), and is null "stale fundamentals: …" when the latest one
 * ended more than `maxStaleYears` (2) years before D. Throws InvalidFundamentalsError
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
  const current = currentYears(periods, options);
  if ('reason' in current) return notApplicable(current.reason);
  const years = current.years;
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
