import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readExpected } from '../../test-support/reference/referenceData.js';
import { cumulativeReturn } from '../performance/cumulativeReturn.js';
import { dailyReturnsFromValues } from './dailyReturnsFromValues.js';

describe('dailyReturnsFromValues (end-of-day flows)', () => {
  const toy = (readExpected('anchor_test_vectors') as Record<string, any>).twr_flow_timing_toy;
  it('reproduces the reference flow-timing toy: returns 10% and −5%, TWR 4.5%', () => {
    const r = dailyReturnsFromValues(Float64Array.of(160, 122), Float64Array.of(50, -30), 100);
    expect(r[0]).toBeCloseTo(toy.true_daily_returns_eod_convention[0], 15);
    expect(r[1]).toBeCloseTo(toy.true_daily_returns_eod_convention[1], 15);
    const twr = cumulativeReturn(r, 0, 2);
    expect(twr.value).toBeCloseTo(toy.twr_end_of_day_flows, 14);
  });
  it('carries the previous value over a missing valuation and refuses a non-positive base', () => {
    const r = dailyReturnsFromValues(
      Float64Array.of(110, Number.NaN, 121, 0, 5),
      new Float64Array(5),
      100,
    );
    expect(Array.from(r.subarray(0, 4)).map((x) => +x.toFixed(12))).toEqual([0.1, 0, 0.1, -1]);
    expect(r[4]).toBeNaN();
  });
  it('is unchanged when values and flows are scaled by a constant', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            r: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
            flow: fc.double({ min: -50, max: 50, noNaN: true }),
          }),
          {
            minLength: 1,
            maxLength: 50,
          },
        ),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        (days, scale) => {
          const values = new Float64Array(days.length);
          const flows = Float64Array.from(days, (d) => d.flow);
          let v = 1000;
          days.forEach((d, i) => {
            v = v * (1 + d.r) + d.flow;
            values[i] = v;
          });
          fc.pre(values.every((x) => x > 1));
          const base = dailyReturnsFromValues(values, flows, 1000);
          const scaled = dailyReturnsFromValues(
            values.map((x) => x * scale),
            flows.map((x) => x * scale),
            1000 * scale,
          );
          base.forEach((r, i) => {
            expect(r).toBeCloseTo(days[i]!.r, 9);
            expect(scaled[i]).toBeCloseTo(r, 12);
          });
        },
      ),
    );
  });
});
