/**
 * Test support: the empyrical test-suite fixtures of `expected/anchor_test_vectors.json`
 * (`mixed_returns` with its leading NaN, and the independent numpy value of each case).
 */
import { readExpected } from './referenceData.js';

const fixtures = (readExpected('anchor_test_vectors') as Record<string, any>)
  .empyrical_test_fixtures;

/** empyrical's `mixed_returns`, NaN for its missing first day. */
export const mixedReturns = Float64Array.from(
  fixtures.inputs.mixed_returns as (number | null)[],
  (x) => x ?? Number.NaN,
);

/** The reference's independent numpy value for an empyrical case, e.g. `max_drawdown(mixed)`. */
export function independentValue(name: string): number {
  return fixtures.cases.find((c: { case: string }) => c.case === name).independent_numpy;
}

/** |a − b| ≤ 1e-12·|b| (CONVENTIONS.md tolerance for risk statistics). */
export function relativelyClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.abs(b);
}
