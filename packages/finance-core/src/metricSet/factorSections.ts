import { epochDayToIso } from '../dates/epochDayToIso.js';
import type { RowRange } from '../dates/rowRange.js';
import { attributeFactorReturns } from '../factors/attributeFactorReturns.js';
import { factorMomentumZ } from '../factors/factorMomentumZ.js';
import type { FactorWindowCache } from '../factors/factorWindowCache.js';
import { fitFactorModel } from '../factors/fitFactorModel.js';
import { rollingCorrelationAt } from '../factors/rollingCorrelationAt.js';
import { isUndefinedValue, Reason } from '../result/undefinedValue.js';
import { countObservations } from '../statistics/countObservations.js';
import type {
  FactorModelRecord,
  FactorValues,
  FactorWindow,
  MetricSet,
  RollingCorrelationRecord,
  Unavailable,
} from './metricSet.js';
import type { MetricSetInput } from './metricSetInput.js';
import type { MetricSetWindows } from './metricSetWindows.js';
import { windowFacts } from './windowFacts.js';

/** Rows of the rolling correlation window. */
const CORRELATION_ROWS = 30;

/** Rows of the factor momentum window. */
const MOMENTUM_ROWS = 90;

/** What the factor model regresses, echoed as the reference does. */
const FACTOR_MODEL_Y = 'raw daily portfolio return (not excess of rf)';

/**
 * The factor sections of the metric set: `factor_model` for 1Y, 3Y and inception (OLS of
 * the raw daily return on [1, factors] over `(anchor, as_of]` with compounded and
 * arithmetic attribution and the last day's decomposition — the factors module's
 * `fitFactorModel` and `attributeFactorReturns` on zero-copy views of the window);
 * `rolling_corr30_at_as_of`, the Pearson correlation of the portfolio's return with each
 * factor over the last 30 rows since inception (≥ 20 pairs; `n_pairs` = rows of that window
 * where the portfolio and every factor are observed); and the 90-row factor
 * momentum z-scores at as-of, including and excluding the as-of row.
 */
export function factorSections(
  input: MetricSetInput,
  windows: MetricSetWindows,
  cache?: FactorWindowCache,
): Pick<
  MetricSet,
  | 'factor_model'
  | 'rolling_corr30_at_as_of'
  | 'factor_momentum_z90_at_as_of'
  | 'factor_momentum_z90_excl_current_at_as_of'
> {
  const c = windows.calendar;
  const asOfRow = windows.end - 1;
  return {
    rolling_corr30_at_as_of: rollingCorrelations(input, windows.firstRow, windows.end),
    factor_momentum_z90_at_as_of: momentum(input, asOfRow, false, cache),
    factor_momentum_z90_excl_current_at_as_of: momentum(input, asOfRow, true, cache),
    factor_model: {
      '1Y': factorModelRecord(input, c['1Y'].range, cache),
      '3Y': factorModelRecord(input, c['3Y'].range, cache),
      inception: factorModelRecord(input, c.inception.range, cache),
    } satisfies Record<FactorWindow, FactorModelRecord | Unavailable>,
  };
}

function rollingCorrelations(
  input: MetricSetInput,
  firstRow: number,
  end: number,
): RollingCorrelationRecord {
  const returns = input.returns.subarray(firstRow, end);
  const record: Record<string, number | string | null> = {};
  input.factorNames.forEach((name, j) => {
    const rho = rollingCorrelationAt(
      returns,
      input.factors[j]!.subarray(firstRow, end),
      end - 1 - firstRow,
      CORRELATION_ROWS,
    );
    record[name] = isUndefinedValue(rho) ? null : rho.value;
    if (isUndefinedValue(rho)) record[`${name}_reason`] = rho.reason;
  });
  const from = Math.max(firstRow, end - CORRELATION_ROWS);
  const nPairs = countObservations([input.returns, ...input.factors], from, end);
  return Object.assign(record, { n_pairs: nPairs });
}

function momentum(
  input: MetricSetInput,
  asOfRow: number,
  excludeCurrent: boolean,
  cache: FactorWindowCache | undefined,
): FactorValues {
  const record: Record<string, number | string | null> = {};
  input.factorNames.forEach((name, j) => {
    const factor = input.factors[j]!;
    const z =
      cache === undefined
        ? factorMomentumZ(factor, asOfRow, MOMENTUM_ROWS, { excludeCurrent })
        : cache.momentumZ(factor, asOfRow, MOMENTUM_ROWS, excludeCurrent);
    record[name] = isUndefinedValue(z) ? null : z.value;
    if (isUndefinedValue(z)) record[`${name}_reason`] = z.reason;
  });
  return record;
}

function factorModelRecord(
  input: MetricSetInput,
  range: RowRange | null,
  cache: FactorWindowCache | undefined,
): FactorModelRecord | Unavailable {
  if (range === null) return { value: null, reason: Reason.insufficientHistory };
  const { start, end } = range;
  const y = input.returns.subarray(start, end);
  const factors =
    cache?.windowViews(input.factors, start, end) ??
    input.factors.map((f) => f.subarray(start, end));
  const fit = fitFactorModel(y, factors, input.factorNames, cache);
  if (isUndefinedValue(fit)) {
    const nObs = countObservations([input.returns, ...input.factors], start, end);
    return Object.assign(windowFacts(input.calendar, range, nObs), {
      y: FACTOR_MODEL_Y,
      value: null,
      reason: fit.reason,
    });
  }
  const attribution = attributeFactorReturns(y, factors, input.factorNames, fit, cache);
  const lastDay = attribution.last_day_decomposition;
  // A literal in the reference's key order (the window facts, then the fit, then the
  // attribution), instead of merging three objects.
  return {
    first_date: epochDayToIso(input.calendar[start]!),
    last_date: epochDayToIso(input.calendar[end - 1]!),
    n_rows: end - start,
    n_obs: fit.n_obs,
    k_factors: fit.k_factors,
    intercept_daily: fit.intercept_daily,
    loadings: fit.loadings,
    stderr_nonrobust: fit.stderr_nonrobust,
    tvalues: fit.tvalues,
    r_squared: fit.r_squared,
    adj_r_squared: fit.adj_r_squared,
    residual_vol_daily: fit.residual_vol_daily,
    residual_vol_annual: fit.residual_vol_annual,
    residual_ddof: fit.residual_ddof,
    solver: fit.solver,
    y: FACTOR_MODEL_Y,
    attribution_compounded: attribution.attribution_compounded,
    attribution_arithmetic: attribution.attribution_arithmetic,
    last_day_decomposition: {
      date: epochDayToIso(input.calendar[start + lastDay.row]!),
      return: lastDay.return,
      contributions: lastDay.contributions,
      intercept: lastDay.intercept,
      residual: lastDay.residual,
    },
  };
}
