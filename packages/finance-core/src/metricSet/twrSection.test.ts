import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeReturn } from '../performance/cumulativeReturn.js';
import { dailyReturnsFromValues } from '../returns/dailyReturnsFromValues.js';
import { computeMetricSet } from './computeMetricSet.js';
import type { TwrRecord } from './metricSet.js';
import type { MetricSetInput } from './metricSetInput.js';

const DAYS = 600;
const FIRST_DAY = 18262; // 2020-01-01

/** A daily calendar with values, flows and returns from fast-check's numbers. */
function inputOf(
  values: number[],
  flows: number[],
  returns: number[],
  inceptionRow: number,
): MetricSetInput {
  const n = values.length;
  return {
    portfolio: 'T',
    calendar: Int32Array.from({ length: n }, (_, i) => FIRST_DAY + i),
    inceptionDay: FIRST_DAY + inceptionRow - 1,
    inceptionValue: 1000,
    returns: Float64Array.from(returns),
    values: Float64Array.from(values),
    flows: Float64Array.from(flows),
    benchmark: Float64Array.from(returns, (r) => r / 2),
    riskFree: new Float64Array(n),
    factors: [],
    factorNames: [],
  };
}

describe('twr section (one pass for every window)', () => {
  it('equals cumulativeReturn over each window of the returns and of dailyReturnsFromValues (from row 0, also before inception), bit for bit', () => {
    const value = fc.oneof(
      { weight: 8, arbitrary: fc.double({ min: 500, max: 2000, noNaN: true }) },
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
    );
    const ret = fc.oneof(
      { weight: 8, arbitrary: fc.double({ min: -0.05, max: 0.05, noNaN: true }) },
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
    );
    const flow = fc.oneof(
      { weight: 8, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) },
    );
    const data = fc.record({
      values: fc.array(value, { minLength: DAYS, maxLength: DAYS }),
      flows: fc.array(flow, { minLength: DAYS, maxLength: DAYS }),
      returns: fc.array(ret, { minLength: DAYS, maxLength: DAYS }),
      inceptionRow: fc.integer({ min: 0, max: 200 }),
      back: fc.integer({ min: 0, max: 300 }),
      // a value ≤ 0 (the next row's return is undefined) on at most one row
      nonPositive: fc.option(
        fc.tuple(fc.integer({ min: 0, max: DAYS - 1 }), fc.constantFrom(0, -10)),
      ),
    });
    fc.assert(
      fc.property(data, ({ values, flows, returns, inceptionRow, back, nonPositive }) => {
        if (nonPositive !== null) values[nonPositive[0]] = nonPositive[1];
        const input = inputOf(values, flows, returns, inceptionRow);
        const asOfRow = DAYS - 1 - back;
        fc.pre(asOfRow > inceptionRow);
        const twr = computeMetricSet(input, FIRST_DAY + asOfRow).twr;
        const valueReturns = dailyReturnsFromValues(input.values, input.flows, 1000);
        for (const record of Object.values(twr)) {
          if (!('cumulative' in record)) continue;
          const r = record as TwrRecord;
          const start = r.first_date === null ? asOfRow + 1 : asOfRow + 1 - r.n_rows;
          const fromReturns = cumulativeReturn(input.returns, start, asOfRow + 1);
          expect(r.cumulative).toBe(fromReturns.value);
          expect(r.n_obs).toBe(fromReturns.nObs);
          expect(r.cumulative_from_values_eod_flows).toBe(
            cumulativeReturn(valueReturns, start, asOfRow + 1).value,
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
