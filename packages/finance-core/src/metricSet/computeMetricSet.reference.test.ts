import { describe, expect, it } from 'vitest';
import { isoToEpochDay } from '../dates/isoToEpochDay.js';
import { compareWithExpected } from '../__fixtures__/reference/compareWithExpected.js';
import { readExpected, referenceInput } from '../__fixtures__/reference/referenceData.js';
import { computeMetricSet } from './computeMetricSet.js';

const CASES = [
  ['P1', '2021-09-22'],
  ['P1', '2023-06-15'],
  ['P1', '2024-12-31'],
  ['P2', '2024-12-31'],
] as const;

describe('computeMetricSet against the independent reference (every value, CONVENTIONS tolerances)', () => {
  for (const [portfolio, asOf] of CASES) {
    it(`${portfolio} as of ${asOf}`, () => {
      const actual = computeMetricSet(referenceInput(portfolio), isoToEpochDay(asOf));
      const expected = readExpected(`${portfolio}_${asOf}`);
      expect(compareWithExpected(actual, expected)).toEqual([]);
    });
  }
});
