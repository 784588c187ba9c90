import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readExpected } from '../../test-support/reference/referenceData.js';
import { isoToEpochDay } from '../dates/isoToEpochDay.js';
import { Reason } from '../result/undefinedValue.js';
import { xirr, ZERO_LENGTH_PERIOD } from './xirr.js';

interface Case {
  case: string;
  dates: string[];
  amounts: number[];
  brentq_roots_here?: number[];
  roots?: number[];
}
const anchors = readExpected('anchor_test_vectors') as Record<string, any>;
const relClose = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.abs(b);
const npv = (days: number[], amounts: number[], rate: number) =>
  amounts.reduce((s, c, i) => s + c * Math.pow(1 + rate, -(days[i]! - days[0]!) / 365), 0);

describe('xirr — anchor vectors (Portfolio Performance IRRTest and edge cases)', () => {
  for (const c of anchors.portfolio_performance_IRRTest.cases as Case[]) {
    it(c.case, () => {
      const result = xirr(c.dates.map(isoToEpochDay), c.amounts);
      if ('reason' in result) throw new Error(result.reason);
      expect(relClose(result.rate, c.brentq_roots_here![0]!, 1e-10)).toBe(true);
      expect(result.roots).toHaveLength(1);
    });
  }
  for (const c of anchors.xirr_edge_cases as Case[]) {
    it(c.case, () => {
      const result = xirr(c.dates.map(isoToEpochDay), c.amounts);
      expect(result.roots).toHaveLength(c.roots!.length);
      result.roots.forEach((root, i) => expect(relClose(root, c.roots![i]!, 1e-10)).toBe(true));
      if (c.roots!.length === 1) expect('rate' in result && result.rate).toBeTypeOf('number');
      else expect(result).toMatchObject({ value: null });
    });
  }
  it('names the reason: no root, more than one root, zero-length period', () => {
    expect(xirr([0, 365], [-100, -50])).toMatchObject({ value: null, reason: Reason.noRoot });
    expect(xirr([0, 365, 730], [-100, 230, -132])).toMatchObject({ reason: Reason.multipleRoots });
    expect(xirr([5, 5], [-100, 100])).toMatchObject({ reason: ZERO_LENGTH_PERIOD });
  });
  it('gives the period rate over the whole span (closed form for two flows)', () => {
    const result = xirr([0, 730], [-100, 121]);
    expect(result).toMatchObject({ days: 730 });
    if (!('rate' in result)) throw new Error('expected a rate');
    expect(result.periodRate).toBeCloseTo(0.21, 14);
    expect(result.rate).toBeCloseTo(Math.pow(1.21, 365 / 730) - 1, 14);
  });
  it('accepts flows in any order', () => {
    expect(xirr([365, 0], [110, -100])).toEqual(xirr([0, 365], [-100, 110]));
  });
});

describe('xirr — properties', () => {
  const flows = fc
    .array(
      fc.record({
        day: fc.integer({ min: 1, max: 3000 }),
        amount: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
      }),
      {
        minLength: 1,
        maxLength: 40,
      },
    )
    .map((rest) => [{ day: 0, amount: -1e5 }, ...rest]);

  it('every root it reports has NPV ≈ 0, and a defined rate is the only root', () => {
    fc.assert(
      fc.property(flows, (list) => {
        const days = list.map((f) => f.day);
        const amounts = list.map((f) => f.amount);
        const result = xirr(days, amounts);
        const scale = amounts.reduce((s, a) => s + Math.abs(a), 0);
        for (const root of result.roots) {
          expect(Math.abs(npv(days, amounts, root))).toBeLessThanOrEqual(
            1e-7 * scale * Math.max(1, Math.pow(1 + root, -3000 / 365)),
          );
        }
        if ('rate' in result) {
          expect(result.roots).toEqual([result.rate]);
          // the reported NPV (exponentials of v = ln(1 + x)) is the power form's, to rounding
          expect(Math.abs(result.npv - npv(days, amounts, result.rate))).toBeLessThanOrEqual(
            1e-9 * scale * Math.max(1, Math.pow(1 + result.rate, -3000 / 365)),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
  it('finds the rate used to build a deposit-only history', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.9, max: 3, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 20 }),
        (rate, depositDays) => {
          const end = 2001;
          const days = [0, ...depositDays, end];
          const deposits = depositDays.map(() => -1000);
          const amounts = [-10_000, ...deposits];
          const futureValue = -amounts.reduce(
            (s, c, i) => s + c * Math.pow(1 + rate, (end - days[i]!) / 365),
            0,
          );
          const result = xirr(days, [...amounts, futureValue]);
          if (!('rate' in result)) throw new Error(result.reason);
          expect(result.rate).toBeCloseTo(rate, 9);
        },
      ),
    );
  });
});
