import type { FactorModelRecord, MetricSet, Unavailable } from '@truth-spine/finance-core';
import type { JsonValue } from '../../pipeline/stepBody.js';
import type { FactorExposure } from './factorSetRecord.js';

/** A factor exposure of one portfolio in one pack (an entry of its `factor_sets` record). */
export interface FactorExposureRow extends FactorExposure {
  readonly packId: string;
  readonly portfolioId: string;
}

/** Pseudo-factors of a window: the model's statistics, the intercept and the residual. */
export const MODEL_ROW = '_model';
export const INTERCEPT_ROW = '_intercept';
export const RESIDUAL_ROW = '_residual';

/**
 * The factor exposures of one portfolio from the metric set's `factor_model` section, per
 * window (1Y, 3Y, inception): one row per factor (loading, standard error, t-value,
 * compounded contribution bₖ·Fₖ; arithmetic contribution, factor period return and last-day
 * contribution in details), `_intercept` (daily intercept, its se and t, contribution a·n),
 * `_residual` (contribution = what is left) and `_model` (window facts, R², adjusted R²,
 * residual volatility, total return and check sum in details). So contributions of the
 * factors, `_intercept` and `_residual` sum to `_model.details.total_return` within 0.1 bp. An
 * undefined model is one `_model` row with the reason. A factor left out of a window's fit
 * (`dropped`: window → factor → reason, see `resolveCollinearFactorModel`) is one row with
 * null numbers and that reason.
 */
export function factorExposureRows(
  packId: string,
  portfolioId: string,
  section: MetricSet['factor_model'],
  factorNames: readonly string[],
  dropped: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
): FactorExposureRow[] {
  const rows: FactorExposureRow[] = [];
  for (const [window, record] of Object.entries(section) as [
    string,
    FactorModelRecord | Unavailable,
  ][]) {
    const row = (
      factor: string,
      loading: number | null | undefined,
      standardError: number | null | undefined,
      tValue: number | null | undefined,
      contribution: number | null | undefined,
      reason: string | null,
      details: JsonValue,
    ) =>
      rows.push({
        packId,
        portfolioId,
        window,
        factor,
        loading: finiteOrNull(loading),
        standardError: finiteOrNull(standardError),
        tValue: finiteOrNull(tValue),
        contribution: finiteOrNull(contribution),
        reason,
        details,
      });
    const reason = (record as { reason?: unknown }).reason;
    if (typeof reason === 'string') {
      row(MODEL_ROW, null, null, null, null, reason, facts(record));
      continue;
    }
    const fit = record as FactorModelFitRecord;
    const compounded = fit.attribution_compounded;
    const arithmetic = fit.attribution_arithmetic;
    for (const name of factorNames) {
      const droppedReason = dropped[window]?.[name];
      if (droppedReason !== undefined) {
        row(name, null, null, null, null, droppedReason, {});
        continue;
      }
      row(
        name,
        fit.loadings[name],
        fit.stderr_nonrobust[name],
        fit.tvalues[name],
        compounded.contributions[name],
        null,
        {
          factor_period_return: compounded.factor_period_returns[name]!,
          arithmetic_contribution: arithmetic.contributions[name]!,
          factor_sum: arithmetic.factor_sums[name]!,
          last_day_contribution: fit.last_day_decomposition.contributions[name]!,
        },
      );
    }
    row(
      INTERCEPT_ROW,
      fit.intercept_daily,
      fit.stderr_nonrobust['const'],
      fit.tvalues['const'],
      compounded.intercept_contribution,
      null,
      {
        arithmetic_contribution: arithmetic.intercept_contribution,
      },
    );
    row(RESIDUAL_ROW, null, null, null, compounded.residual, null, {
      arithmetic_residual: arithmetic.residual,
      residual_sum_of_ols_residuals: arithmetic.residual_sum_of_ols_residuals,
    });
    row(MODEL_ROW, null, null, null, null, null, {
      ...facts(record),
      k_factors: fit.k_factors,
      r_squared: fit.r_squared,
      adj_r_squared: fit.adj_r_squared,
      residual_vol_daily: fit.residual_vol_daily,
      residual_vol_annual: fit.residual_vol_annual,
      residual_ddof: fit.residual_ddof,
      solver: fit.solver,
      total_return: compounded.total_return,
      check_sum: compounded.check_sum,
      total_return_sum: arithmetic.total_return_sum,
      last_day: fit.last_day_decomposition as unknown as JsonValue,
    });
  }
  return rows;
}

/** The fields of a defined factor-model record this module reads. */
interface FactorModelFitRecord {
  readonly k_factors: number;
  readonly intercept_daily: number;
  readonly loadings: Readonly<Record<string, number>>;
  readonly stderr_nonrobust: Readonly<Record<string, number>>;
  readonly tvalues: Readonly<Record<string, number | null>>;
  readonly r_squared: number;
  readonly adj_r_squared: number;
  readonly residual_vol_daily: number;
  readonly residual_vol_annual: number;
  readonly residual_ddof: number;
  readonly solver: string;
  readonly attribution_compounded: {
    readonly total_return: number;
    readonly factor_period_returns: Readonly<Record<string, number>>;
    readonly contributions: Readonly<Record<string, number>>;
    readonly intercept_contribution: number;
    readonly residual: number;
    readonly check_sum: number;
  };
  readonly attribution_arithmetic: {
    readonly total_return_sum: number;
    readonly factor_sums: Readonly<Record<string, number>>;
    readonly contributions: Readonly<Record<string, number>>;
    readonly intercept_contribution: number;
    readonly residual: number;
    readonly residual_sum_of_ols_residuals: number;
  };
  readonly last_day_decomposition: {
    readonly date: string;
    readonly contributions: Readonly<Record<string, number>>;
  };
}

function facts(record: object): { [key: string]: JsonValue } {
  const r = record as Record<string, unknown>;
  const out: { [key: string]: JsonValue } = {};
  for (const key of ['first_date', 'last_date', 'n_rows', 'n_obs']) {
    const value = r[key];
    if (value !== undefined) out[key] = value as JsonValue;
  }
  return out;
}

/** A stored statistic: a finite number, else null (never NaN/±Infinity in the table). */
function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
