import { describe, expect, it } from 'vitest';
import { referenceInput } from '../../test-support/reference/referenceData.js';
import { isoToEpochDay } from '../dates/isoToEpochDay.js';
import { Reason } from '../result/undefinedValue.js';
import { computeMetricSet } from './computeMetricSet.js';

/** Paths of every number in `x` that is NaN or ±Infinity. */
function nonFiniteNumbers(x: unknown, path = ''): string[] {
  if (typeof x === 'number') return Number.isFinite(x) ? [] : [path];
  if (x === null || typeof x !== 'object') return [];
  return Object.entries(x).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
}

describe('computeMetricSet: undefined values are null with a reason, never NaN or a made-up 0', () => {
  it('an early as-of has insufficient history for long windows', () => {
    const set = computeMetricSet(referenceInput('P1'), isoToEpochDay('2019-01-25'));
    expect(set.volatility['30d']).toEqual({ value: null, reason: Reason.insufficientHistory });
    expect(set.twr['1Y']).toEqual({
      value: null,
      reason: Reason.insufficientHistory,
      anchor: '2018-01-25',
    });
    expect(set.mwr_xirr['1Y']).toEqual({
      xirr: null,
      reason: Reason.insufficientHistory,
      anchor: '2018-01-25',
    });
    expect(set.capm['1Y']).toEqual({ value: null, reason: Reason.insufficientHistory });
    expect(set.rolling_corr30_at_as_of).toMatchObject({
      MKT: null,
      MKT_reason: Reason.insufficientHistory,
    });
    expect(set.twr.inception).toMatchObject({ n_rows: 19, n_obs: 19 });
    expect(nonFiniteNumbers(set)).toEqual([]);
  });
  it('a flat period has volatility 0 but no Sharpe ratio and no correlation (P2, 2021-09-22)', () => {
    const set = computeMetricSet(referenceInput('P2'), isoToEpochDay('2021-09-22'));
    expect(set.volatility['30d']).toMatchObject({ value: 0, n_obs: 30 });
    expect(set.sharpe['30d']).toMatchObject({
      value: null,
      reason: Reason.zeroVariance,
      n_rows: 30,
      n_obs: 30,
    });
    expect(set.rolling_corr30_at_as_of).toMatchObject({
      MKT: null,
      MKT_reason: Reason.zeroVariance,
      n_pairs: 30,
    });
    expect(set.win_loss['1Y']).toMatchObject({ n_zero: 60 });
    expect(nonFiniteNumbers(set)).toEqual([]);
  });
  it('a year without a losing day has no average loss and no payoff ratio', () => {
    const input = referenceInput('P1');
    const returns = input.returns.map(Math.abs);
    const set = computeMetricSet({ ...input, returns }, isoToEpochDay('2024-12-31'));
    expect(set.win_loss['1Y']).toMatchObject({
      n_losses: 0,
      avg_loss: null,
      avg_loss_reason: 'no losing day',
      payoff_ratio: null,
      payoff_ratio_reason: 'no winning or no losing day',
    });
    expect(nonFiniteNumbers(set)).toEqual([]);
  });
});
