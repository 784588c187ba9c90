import { describe, expect, it } from 'vitest';
import { referenceInput } from '../../test-support/reference/referenceData.js';
import { isoToEpochDay } from '../dates/isoToEpochDay.js';
import { computeMetricSet } from './computeMetricSet.js';
import { MetricSetInputError } from './metricSetInputError.js';

describe('computeMetricSet input errors', () => {
  const input = referenceInput('P1');
  it('rejects an as-of outside (inception, last calendar day] with a stable code', () => {
    for (const asOf of ['2018-12-31', '2025-01-01']) {
      expect(() => computeMetricSet(input, isoToEpochDay(asOf))).toThrow(
        expect.objectContaining({ code: 'as_of_out_of_range' }),
      );
    }
  });
  it('rejects series not aligned on the calendar, naming the series', () => {
    const short = { ...input, benchmark: input.benchmark.subarray(1) };
    expect(() => computeMetricSet(short, isoToEpochDay('2024-12-31'))).toThrow(MetricSetInputError);
    expect(() => computeMetricSet(short, isoToEpochDay('2024-12-31'))).toThrow(
      /benchmark has 1565 rows/,
    );
    const unnamed = { ...input, factorNames: input.factorNames.slice(1) };
    expect(() => computeMetricSet(unnamed, isoToEpochDay('2024-12-31'))).toThrow(
      /5 factor series but 4/,
    );
  });
  it('accepts a weekend as-of: the as-of row is the last calendar row before it', () => {
    const set = computeMetricSet(input, isoToEpochDay('2024-12-29'));
    expect(set.twr['1d']).toMatchObject({ last_date: '2024-12-27', days_act: 3 });
  });
});
