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
import type { Database } from '@truth-spine/store';
import {
  type BatchRun,
  type NightUnavailable,
  portfolioBatchStepBody,
  type PortfolioBatchWork,
} from '../../pipeline/portfolioBatchWork.js';
import type { StepBody, StepDetails } from '../../pipeline/stepBody.js';
import { sumOf } from '../../shared/sumOf.js';
import { DEFAULT_CALENDAR_SYMBOL } from '../marketConventions.js';
import { flattenMetricRecords } from '../metricRows/flattenMetricRecords.js';
import { type PortfolioMetricRows, upsertMetricSets } from '../metricSets/upsertMetricSets.js';
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
 * prewarm_factors (finance-core docs/FACTORS.md): the five macro factors' daily changes (`macroFactorChanges` on
 * FRED levels from market_macro — missing observations per finance-core's FACTORS.md
 * policy) on the trading calendar, then for every portfolio (batched; its return series
 * as stored by compute_daily_metrics for this pack) the factor sections of finance-core's
 * metric set — `fitFactorModel` + `attributeFactorReturns` over 1Y, 3Y and inception with
 * one `FactorWindowCache` for the night, and the 30-row rolling correlations — into
 * the portfolio's `factor_sets` record (`factorExposureRows`; a window singular only because
 * Δ DGS10 = Δ DFII10 + Δ T10YIE is refitted without DGS10 by `resolveCollinearFactorModel`)
 * and its `metric_sets` record (`factors.rolling_corr30.<F>`, merged by name); and
 * once per pack `detectRegimes` on the levels with the 90-row factor momentum
 * (`factorMomentumAt`) into one regimes row.
 * The metric set is computed through `computeMetricSet` (benchmark and risk-free left
 * unobserved) so the windows are exactly the metric set's; its other sections are discarded.
 */
export function prewarmFactorsStep(deps: StepDependencies): StepBody {
  return portfolioBatchStepBody(prewarmFactorsWork(deps));
}

/** What every batch of prewarm_factors of one night shares (read once per process). */
export interface FactorsNight {
  readonly db: Database;
  readonly packId: string;
  readonly asOf: string;
  readonly calendar: Int32Array;
  readonly names: ReturnType<typeof macroFactorChanges>['names'];
  readonly changes: ReturnType<typeof macroFactorChanges>['changes'];
  readonly detection: ReturnType<typeof detectRegimes>;
  readonly unobserved: Float64Array;
  readonly cache: FactorWindowCache;
}

/**
 * prewarm_factors as batches of portfolio ids ({@link PortfolioBatchWork}): the portfolios
 * existing on D; each batch's factor sets and rolling-correlation metrics upserted in
 * one transaction; `finish` writes the pack's regimes row.
 */
export function prewarmFactorsWork(deps: StepDependencies): PortfolioBatchWork<FactorsNight> {
  const calendarSymbol = deps.calendarSymbol ?? DEFAULT_CALENDAR_SYMBOL;
  return {
    step: 'prewarm_factors',
    begin: async () => undefined,
    async *listPortfolios(run, batchSize) {
      for await (const headers of readPortfolioHeaders(run.db, run.asOf, batchSize)) {
        yield headers.map((h) => h.id);
      }
    },
    openNight: (run) => openFactorsNight(run, calendarSymbol),
    runBatch: prewarmFactorsBatch,
    async finish(night, partials) {
      const momentum = factorMomentumAt(night.names, night.changes, night.calendar.length - 1);
      const regime = regimeRow(night.packId, night.asOf, night.detection, {
        factor_momentum: momentum,
      });
      await upsertRows(night.db.drizzle, 'regimes', REGIME_COLUMNS, ['pack_id'], [regime]);
      return {
        portfolios: sumOf(partials, 'portfolios'),
        factor_exposure_rows: sumOf(partials, 'factor_exposure_rows'),
        regime: (regime[2] as string | null) ?? null,
      };
    },
  };
}

/** Reads the calendar and the macro levels, their changes and regimes. */
export async function openFactorsNight(
  run: BatchRun,
  calendarSymbol: string,
): Promise<FactorsNight | NightUnavailable> {
  const [earliest] = await run.db.query<{ first: string | null }>(
    `select min(inception)::text as first from portfolios`,
  );
  const calendar = await readTradingCalendar(
    run.db,
    calendarSymbol,
    earliest?.first ?? run.asOf,
    run.asOf,
  );
  if (calendar.length === 0 || calendar[calendar.length - 1] !== isoToEpochDay(run.asOf)) {
    return {
      unavailable: `market history has no ${calendarSymbol} close on ${run.asOf}: build_pack must fill market_closes first`,
    };
  }
  const ids = MACRO_FACTORS.map((f) => f.id);
  const levels = await readMacroHistory(run.db, ids, calendar, 'missing');
  const { names, changes } = macroFactorChanges(levels);
  return {
    db: run.db,
    packId: run.packId,
    asOf: run.asOf,
    calendar,
    names,
    changes,
    detection: detectRegimes(levels),
    unobserved: new Float64Array(calendar.length).fill(Number.NaN),
    cache: new FactorWindowCache(),
  };
}

/**
 * One batch of prewarm_factors: for the portfolios `portfolioIds` with a stored return
 * series of ≥ 2 rows, the factor sections and rolling correlations, upserted by
 * (pack, portfolio) into the factor and metric sets in one transaction.
 * Returns `{ portfolios, factor_exposure_rows }`.
 */
export async function prewarmFactorsBatch(
  night: FactorsNight,
  portfolioIds: readonly string[],
  signal: AbortSignal,
): Promise<StepDetails> {
  signal.throwIfAborted();
  const { calendar, names, changes, unobserved, packId } = night;
  const asOfDay = isoToEpochDay(night.asOf);
  const stored = await readReturnSeries(night.db, packId, portfolioIds);
  const exposures: FactorExposureRow[] = [];
  const metrics: PortfolioMetricRows[] = [];
  let portfolios = 0;
  for (const id of portfolioIds) {
    const series = stored.get(id);
    if (series === undefined || series.values.length < 2) continue;
    const firstRow = firstRowAfter(calendar, series.epochDays[0]! - 1, 0, calendar.length);
    const returns = new Float64Array(series.values.length);
    returns[0] = Number.NaN;
    returns.set(series.returns, 1);
    const input: MetricSetInput = {
      portfolio: id,
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
    const options = { factorCache: night.cache };
    const set = computeMetricSet(input, asOfDay, options);
    const { section, dropped } = resolveCollinearFactorModel(input, set, asOfDay, options);
    exposures.push(...factorExposureRows(packId, id, section, names, dropped));
    metrics.push({
      portfolioId: id,
      rows: flattenMetricRecords('factors.rolling_corr30', set.rolling_corr30_at_as_of).map(
        (row) => ({ ...row, firstDate: null, lastDate: null }),
      ),
    });
    portfolios++;
  }
  await night.db.drizzle.transaction(async (tx) => {
    await writeFactorExposures(tx, exposures);
    await upsertMetricSets(tx, packId, metrics);
  });
  return { portfolios, factor_exposure_rows: exposures.length };
}
