import { epochDayToIso } from '../dates/epochDayToIso.js';
import type { RowRange } from '../dates/rowRange.js';
import { attributeFactorReturns } from '../factors/attributeFactorReturns.js';
import { fitFactorModel } from '../factors/fitFactorModel.js';
import { isUndefinedValue, Reason } from '../result/undefinedValue.js';
import { countObservations } from '../statistics/countObservations.js';
import type { FactorModelRecord, FactorWindow, MetricSet, Unavailable } from './metricSet.js';
import type { MetricSetInput } from './metricSetInput.js';
import type { MetricSetWindows } from './metricSetWindows.js';
import { windowFacts } from './windowFacts.js';

/** What the factor model regresses, echoed as the reference does. */
const FACTOR_MODEL_Y = 'raw daily portfolio return (not excess of rf)';

/**
 * The factor sections of the metric set: `factor_model` for 1Y, 3Y and inception (OLS of
 * the raw daily return on [1, factors] over `(anchor, as_of]` with compounded and
 * arithmetic attribution and the last day's decomposition — the factors module's
 * `fitFactorModel` and `attributeFactorReturns` on zero-copy views of the window).
 */
export function factorSections(
  input: MetricSetInput,
  windows: MetricSetWindows,
): Pick<MetricSet, 'factor_model'> {
  const c = windows.calendar;
  return {
    factor_model: {
      '1Y': factorModelRecord(input, c['1Y'].range),
      '3Y': factorModelRecord(input, c['3Y'].range),
      inception: factorModelRecord(input, c.inception.range),
    } satisfies Record<FactorWindow, FactorModelRecord | Unavailable>,
  };
}

function factorModelRecord(
  input: MetricSetInput,
  range: RowRange | null,
): FactorModelRecord | Unavailable {
  if (range === null) return { value: null, reason: Reason.insufficientHistory };
  const { start, end } = range;
  const y = input.returns.subarray(start, end);
  const factors = input.factors.map((f) => f.subarray(start, end));
  const fit = fitFactorModel(y, factors, input.factorNames);
  if (isUndefinedValue(fit)) {
    const nObs = countObservations([input.returns, ...input.factors], start, end);
    return { ...windowFacts(input.calendar, range, nObs), y: FACTOR_MODEL_Y, value: null, reason: fit.reason };
  }
  const attribution = attributeFactorReturns(y, factors, input.factorNames, fit);
  const { row, ...lastDay } = attribution.last_day_decomposition;
  return {
    ...windowFacts(input.calendar, range, fit.n_obs),
    ...fit,
    y: FACTOR_MODEL_Y,
    attribution_compounded: attribution.attribution_compounded,
    attribution_arithmetic: attribution.attribution_arithmetic,
    last_day_decomposition: { date: epochDayToIso(input.calendar[start + row]!), ...lastDay },
  };
}
