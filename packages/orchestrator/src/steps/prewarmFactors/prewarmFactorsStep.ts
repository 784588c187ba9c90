import {
  computeMetricSet,
  detectRegimes,
  FactorWindowCache,
  firstRowAfter,
  isoToEpochDay,
  MACRO_FACTORS,
  macroFactorChanges,
  type MetricSetInput,
} from '@truth-spine/finance-core';
import type { StepBody, StepContext, StepOutcome } from '../../pipeline/stepBody.js';
import {
  DEFAULT_CALENDAR_SYMBOL,
  METRIC_COLUMNS,
} from '../computeDailyMetrics/computeDailyMetricsStep.js';
import { flattenMetricRecords } from '../computeDailyMetrics/flattenMetricRecords.js';
import { readMacroHistory } from '../history/readMacroHistory.js';
import { readTradingCalendar } from '../history/readTradingCalendar.js';
import type { StepDependencies } from '../stepDependencies.js';
import { readPortfolioHeaders } from '../valuation/readPortfolioHeaders.js';
import { readReturnSeries } from '../valuation/readReturnSeries.js';
import { upsertRows } from '../valuation/upsertRows.js';
import { factorMomentumAt } from './factorMomentumAt.js';
import { factorExposureRows, type FactorExposureRow } from './factorExposureRows.js';
import { writeFactorExposures } from './writeFactorExposures.js';
import { REGIME_COLUMNS, regimeRow } from './regimeRow.js';
import { resolveCollinearFactorModel } from './resolveCollinearFactorModel.js';

/**
 * prewarm_factors (SPEC §7): the five macro factors' daily changes (`macroFactorChanges` on
 * FRED levels from market_macro — missing observations per finance-core's FACTORS.md
 * policy) on the trading calendar, then for every portfolio (batched; its return series
 * as stored by compute_daily_metrics for this pack) the factor sections of finance-core's
 * metric set — `fitFactorModel` + `attributeFactorReturns` over 1Y, 3Y and inception with
 * one `FactorWindowCache` for the night, and the 30-row rolling correlations — into
 * factor_exposures (`factorExposureRows`; a window singular only because
 * Δ DGS10 = Δ DFII10 + Δ T10YIE is refitted without DGS10 by `resolveCollinearFactorModel`)
 * and metrics (`factors.rolling_corr30.<F>`); and
 * once per pack `detectRegimes` on the levels with the 90-row factor momentum
 * (`factorMomentumAt`) into one regimes row.
 * The metric set is computed through `computeMetricSet` (benchmark and risk-free left
 * unobserved) so the windows are exactly the metric set's; its other sections are discarded.
 */
export function prewarmFactorsStep(deps: StepDependencies): StepBody {
  return (ctx) => prewarmFactors(ctx, deps.calendarSymbol ?? DEFAULT_CALENDAR_SYMBOL);
}

async function prewarmFactors(ctx: StepContext, calendarSymbol: string): Promise<StepOutcome> {
  const packId = ctx.packId;
  if (packId === null) return { status: 'failed', error: 'prewarm_factors needs a pack' };
  const [earliest] = await ctx.db.query<{ first: string | null }>(
    `select min(inception)::text as first from portfolios`,
  );
  const calendar = await readTradingCalendar(
    ctx.db,
    calendarSymbol,
    earliest?.first ?? ctx.asOf,
    ctx.asOf,
  );
  if (calendar.length === 0 || calendar[calendar.length - 1] !== isoToEpochDay(ctx.asOf)) {
    return {
      status: 'failed',
      error: `market history has no ${calendarSymbol} close on ${ctx.asOf}: build_pack must fill market_closes first`,
    };
  }
  const ids = MACRO_FACTORS.map((f) => f.id);
  const levels = await readMacroHistory(ctx.db, ids, calendar, 'missing');
  const { names, changes } = macroFactorChanges(levels);
  const detection = detectRegimes(levels);
  const unobserved = new Float64Array(calendar.length).fill(Number.NaN);
  const cache = new FactorWindowCache();
  const asOfDay = isoToEpochDay(ctx.asOf);
  let portfolios = 0;
  let exposureRows = 0;
  for await (const headers of readPortfolioHeaders(ctx.db, ctx.asOf)) {
    ctx.signal.throwIfAborted();
    const stored = await readReturnSeries(
      ctx.db,
      packId,
      headers.map((h) => h.id),
    );
    const exposures: FactorExposureRow[] = [];
    const metrics: unknown[][] = [];
    for (const header of headers) {
      const series = stored.get(header.id);
      if (series === undefined || series.values.length < 2) continue;
      const firstRow = firstRowAfter(calendar, series.epochDays[0]! - 1, 0, calendar.length);
      const returns = new Float64Array(series.values.length);
      returns[0] = Number.NaN;
      returns.set(series.returns, 1);
      const input: MetricSetInput = {
        portfolio: header.id,
        calendar: calendar.subarray(firstRow),
        inceptionDay: series.epochDays[0]!,
        inceptionValue: series.values[0]!,
        returns,
        values: series.values,
        flows: series.externalFlows,
        benchmark: unobserved.subarray(firstRow),
        riskFree: unobserved.subarray(firstRow),
        factors: changes.map((f) => f.subarray(firstRow)),
        factorNames: names,
      };
      const options = { factorCache: cache };
      const set = computeMetricSet(input, asOfDay, options);
      const { section, dropped } = resolveCollinearFactorModel(input, set, asOfDay, options);
      exposures.push(...factorExposureRows(packId, header.id, section, names, dropped));
      for (const row of flattenMetricRecords(
        'factors.rolling_corr30',
        set.rolling_corr30_at_as_of,
      )) {
        metrics.push([
          packId,
          header.id,
          row.metric,
          row.value,
          row.reason,
          null,
          null,
          row.nObs,
          row.details,
        ]);
      }
      portfolios++;
    }
    exposureRows += exposures.length;
    await ctx.db.drizzle.transaction(async (tx) => {
      await writeFactorExposures(tx, exposures);
      await upsertRows(
        tx,
        'metrics',
        METRIC_COLUMNS,
        ['pack_id', 'portfolio_id', 'metric'],
        metrics,
      );
    });
  }
  const momentum = factorMomentumAt(names, changes, calendar.length - 1);
  const regime = regimeRow(packId, ctx.asOf, detection, { factor_momentum: momentum });
  await upsertRows(ctx.db.drizzle, 'regimes', REGIME_COLUMNS, ['pack_id'], [regime]);
  return {
    status: 'succeeded',
    details: {
      portfolios,
      factor_exposure_rows: exposureRows,
      regime: (regime[2] as string | null) ?? null,
    },
  };
}
