import { completeRows } from './completeRows.js';
import { compoundedGrowthAndSum } from './compoundedGrowthAndSum.js';
import { assertSameLength, FactorInputError } from './factorInputError.js';
import type { FactorWindowCache } from './factorWindowCache.js';
import type { FactorModelFit } from './fitFactorModel.js';
import { isCompleteRow } from './isCompleteRow.js';

/** Compounded attribution of the window's return (reference key `attribution_compounded`). */
export interface CompoundedAttribution {
  /** ∏(1 + r) − 1. */
  readonly total_return: number;
  /** Fₖ = ∏(1 + fₖ) − 1 per factor. */
  readonly factor_period_returns: Readonly<Record<string, number>>;
  /** bₖ · Fₖ per factor. */
  readonly contributions: Readonly<Record<string, number>>;
  /** a · n. */
  readonly intercept_contribution: number;
  /** total − Σ contributions − intercept contribution. */
  readonly residual: number;
  /** Σ contributions + intercept contribution + residual (= total to rounding). */
  readonly check_sum: number;
}

/** Arithmetic attribution of the sum of daily returns (reference key `attribution_arithmetic`). */
export interface ArithmeticAttribution {
  /** Σ r. */
  readonly total_return_sum: number;
  /** Σ fₖ per factor. */
  readonly factor_sums: Readonly<Record<string, number>>;
  /** bₖ · Σ fₖ per factor. */
  readonly contributions: Readonly<Record<string, number>>;
  /** a · n. */
  readonly intercept_contribution: number;
  /** Σ r − Σ contributions − a·n; equals Σ OLS residuals (≈ 0, OLS with an intercept). */
  readonly residual: number;
  /** Σ (r − a − Σ bₖ fₖ), computed row by row. */
  readonly residual_sum_of_ols_residuals: number;
}

/** The last complete row split into its parts (reference key `last_day_decomposition`). */
export interface LastDayDecomposition {
  /** Index of that row in the input series (the caller maps it to its date). */
  readonly row: number;
  /** r on that row. */
  readonly return: number;
  /** bₖ · fₖ on that row. */
  readonly contributions: Readonly<Record<string, number>>;
  /** a. */
  readonly intercept: number;
  /** r − Σ bₖ fₖ − a. */
  readonly residual: number;
}

/** Attribution of one window's return to the factors of a fitted model. */
export interface FactorAttribution {
  readonly attribution_compounded: CompoundedAttribution;
  readonly attribution_arithmetic: ArithmeticAttribution;
  readonly last_day_decomposition: LastDayDecomposition;
}

/**
 * Attributes the window's portfolio return to the factors of `fit` (docs/FACTORS.md, docs/CONVENTIONS.md).
 *
 * Over the rows the model used (y and every factor present; n = fit.n_obs):
 * compounded — total = ∏(1 + r) − 1, Fₖ = ∏(1 + fₖ) − 1, contributionₖ = bₖ·Fₖ,
 * intercept contribution = a·n, residual = total − Σ contributions − a·n;
 * arithmetic — the same with Σ r and Σ fₖ in place of the compounded returns;
 * last day — r = Σ bₖ·fₖ + a + residual on the last complete row.
 * In both attributions the residual is defined as what is left, so the parts sum to the
 * total exactly (to one rounding of the final sum).
 *
 * `y` and `factors` must be the series `fit` was estimated on and `names` its factor names.
 * Throws {@link FactorInputError} when they do not match. With a {@link FactorWindowCache}
 * the factors' compounded returns and sums are taken from it (identical numbers, computed
 * once per window for all portfolios).
 *
 * @example attributeFactorReturns(r, [mkt], ['MKT'], fit).attribution_compounded.residual
 */
export function attributeFactorReturns(
  y: Float64Array,
  factors: readonly Float64Array[],
  names: readonly string[],
  fit: FactorModelFit,
  cache?: FactorWindowCache,
): FactorAttribution {
  const k = factors.length;
  const loadings = new Float64Array(k);
  let known = names.length === k && fit.k_factors === k;
  for (let j = 0; j < k && known; j++) {
    const b = fit.loadings[names[j]!];
    known = b !== undefined;
    loadings[j] = b ?? 0;
  }
  if (!known) {
    throw new FactorInputError(
      'names_mismatch',
      `attributeFactorReturns got factors [${names.join(', ')}] but the fit has [${Object.keys(fit.loadings).join(', ')}]`,
    );
  }
  assertSameLength(y.length, factors, 'factor series');
  const a = fit.intercept_daily;
  let columns: readonly Float64Array[] = [...factors, y];
  const growth = new Float64Array(k + 1);
  const sums = new Float64Array(k + 1);
  const cached = cache?.statistics(factors);
  if (cached?.complete === true) {
    growth.set(cached.growth);
    sums.set(cached.sums);
    compoundedGrowthAndSum(y, growth, sums, k);
  } else {
    columns.forEach((column, j) => compoundedGrowthAndSum(column, growth, sums, j));
  }
  if (hasNaN(growth)) {
    columns = completeRows(y, factors);
    columns.forEach((column, j) => compoundedGrowthAndSum(column, growth, sums, j));
  }
  const n = columns[k]!.length;
  if (n !== fit.n_obs) {
    throw new FactorInputError(
      'length_mismatch',
      `attributeFactorReturns found ${n} complete rows but the fit used ${fit.n_obs}; pass the series the model was fitted on`,
    );
  }
  const portfolioGrowth = growth[k]!;
  const portfolioSum = sums[k]!;
  const residualSum = sumOfResiduals(columns, loadings, a, n, portfolioSum);
  let lastRow = y.length - 1;
  while (!isCompleteRow(y, factors, lastRow)) lastRow--;
  const interceptContribution = a * n;
  const periodReturns: Record<string, number> = {};
  const factorSums: Record<string, number> = {};
  const compoundedContributions: Record<string, number> = {};
  const arithmeticContributions: Record<string, number> = {};
  const lastDayContributions: Record<string, number> = {};
  let compoundedExplained = 0;
  let arithmeticExplained = 0;
  let lastDayExplained = 0;
  for (let j = 0; j < k; j++) {
    const name = names[j]!;
    const b = loadings[j]!;
    const periodReturn = growth[j]! - 1;
    periodReturns[name] = periodReturn;
    factorSums[name] = sums[j]!;
    compoundedContributions[name] = b * periodReturn;
    arithmeticContributions[name] = b * sums[j]!;
    lastDayContributions[name] = b * factors[j]![lastRow]!;
    compoundedExplained += b * periodReturn;
    arithmeticExplained += b * sums[j]!;
    lastDayExplained += b * factors[j]![lastRow]!;
  }
  const total = portfolioGrowth - 1;
  const compoundedResidual = total - compoundedExplained - interceptContribution;
  const lastReturn = y[lastRow]!;
  return {
    attribution_compounded: {
      total_return: total,
      factor_period_returns: periodReturns,
      contributions: compoundedContributions,
      intercept_contribution: interceptContribution,
      residual: compoundedResidual,
      check_sum: compoundedExplained + interceptContribution + compoundedResidual,
    },
    attribution_arithmetic: {
      total_return_sum: portfolioSum,
      factor_sums: factorSums,
      contributions: arithmeticContributions,
      intercept_contribution: interceptContribution,
      residual: portfolioSum - arithmeticExplained - interceptContribution,
      residual_sum_of_ols_residuals: residualSum,
    },
    last_day_decomposition: {
      row: lastRow,
      return: lastReturn,
      contributions: lastDayContributions,
      intercept: a,
      residual: lastReturn - lastDayExplained - a,
    },
  };
}

/**
 * Σᵢ (yᵢ − a − Σₖ bₖ·fₖᵢ) = Σ y − n·a − Σᵢ ŷ'ᵢ with the fitted factor part ŷ'ᵢ = Σₖ bₖ·fₖᵢ
 * formed row by row — the residuals' own sum, not the algebraic shortcut through the
 * factor sums that the arithmetic residual uses. Factors are taken three at a time (a
 * group's fitted part summed over even and odd rows apart, groups added in order), two
 * groups per pass over the rows: up to six factors in one pass, no stores.
 */
function sumOfResiduals(
  columns: readonly Float64Array[],
  loadings: Float64Array,
  a: number,
  n: number,
  sumY: number,
): number {
  const k = loadings.length;
  let fittedSum = 0;
  for (let first = 0; first < k; first += 6) {
    const g = group(columns, loadings, first);
    if (first + 3 >= k) {
      fittedSum += groupSum(g, n);
      continue;
    }
    const h = group(columns, loadings, first + 3);
    const [g0, g1, g2, gb0, gb1, gb2] = [g.f0, g.f1, g.f2, g.b0, g.b1, g.b2];
    const [h0, h1, h2, hb0, hb1, hb2] = [h.f0, h.f1, h.f2, h.b0, h.b1, h.b2];
    let evenG = 0;
    let oddG = 0;
    let evenH = 0;
    let oddH = 0;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      evenG += gb0 * g0[i]! + gb1 * g1[i]! + gb2 * g2[i]!;
      oddG += gb0 * g0[i + 1]! + gb1 * g1[i + 1]! + gb2 * g2[i + 1]!;
      evenH += hb0 * h0[i]! + hb1 * h1[i]! + hb2 * h2[i]!;
      oddH += hb0 * h0[i + 1]! + hb1 * h1[i + 1]! + hb2 * h2[i + 1]!;
    }
    if (i < n) {
      evenG += gb0 * g0[i]! + gb1 * g1[i]! + gb2 * g2[i]!;
      evenH += hb0 * h0[i]! + hb1 * h1[i]! + hb2 * h2[i]!;
    }
    fittedSum += evenG + oddG;
    fittedSum += evenH + oddH;
  }
  return sumY - a * n - fittedSum;
}

/** Three factor columns from `first` with their loadings (0 past the last factor). */
interface FactorGroup {
  readonly f0: Float64Array;
  readonly f1: Float64Array;
  readonly f2: Float64Array;
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
}

function group(
  columns: readonly Float64Array[],
  loadings: Float64Array,
  first: number,
): FactorGroup {
  const k = loadings.length;
  return {
    f0: columns[first]!,
    f1: columns[Math.min(first + 1, k - 1)]!,
    f2: columns[Math.min(first + 2, k - 1)]!,
    b0: loadings[first]!,
    b1: first + 1 < k ? loadings[first + 1]! : 0,
    b2: first + 2 < k ? loadings[first + 2]! : 0,
  };
}

/** Σᵢ (b₀f₀ + b₁f₁ + b₂f₂) of one group, even and odd rows apart. */
function groupSum(g: FactorGroup, n: number): number {
  const { f0, f1, f2, b0, b1, b2 } = g;
  let even = 0;
  let odd = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    even += b0 * f0[i]! + b1 * f1[i]! + b2 * f2[i]!;
    odd += b0 * f0[i + 1]! + b1 * f1[i + 1]! + b2 * f2[i + 1]!;
  }
  if (i < n) even += b0 * f0[i]! + b1 * f1[i]! + b2 * f2[i]!;
  return even + odd;
}

function hasNaN(x: Float64Array): boolean {
  for (let j = 0; j < x.length; j++) if (x[j] !== x[j]) return true;
  return false;
}
