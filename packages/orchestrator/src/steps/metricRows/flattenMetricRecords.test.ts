import { describe, expect, it } from 'vitest';
import { flattenMetricRecords } from './flattenMetricRecords.js';

describe('flattenMetricRecords', () => {
  it('names values section.window[.field] with window facts in columns', () => {
    const rows = flattenMetricRecords('volatility', {
      '1Y': {
        first_date: '2023-03-09',
        last_date: '2024-03-08',
        n_rows: 261,
        n_obs: 260,
        value: 0.2,
        daily_std_ddof1: 0.0126,
      },
    });
    expect(rows).toEqual([
      {
        metric: 'volatility.1Y',
        value: 0.2,
        reason: null,
        firstDate: '2023-03-09',
        lastDate: '2024-03-08',
        nObs: 260,
        details: { n_rows: 261 },
      },
      {
        metric: 'volatility.1Y.daily_std_ddof1',
        value: 0.0126,
        reason: null,
        firstDate: '2023-03-09',
        lastDate: '2024-03-08',
        nObs: 260,
        details: { n_rows: 261 },
      },
    ]);
  });

  it('gives undefined values their own or the record reason, never a number', () => {
    const rows = flattenMetricRecords('x', {
      '3Y': { value: null, reason: 'insufficient history', anchor: '2021-03-08' },
      W: {
        payoff_ratio: null,
        payoff_ratio_reason: 'no losses',
        xirr: null,
        peak_date: null,
        t: Infinity,
      },
    });
    expect(rows.map((r) => [r.metric, r.value, r.reason])).toEqual([
      ['x.3Y', null, 'insufficient history'],
      ['x.W.payoff_ratio', null, 'no losses'],
      ['x.W.xirr', null, 'not defined for this window'],
      ['x.W.t', null, 'non-finite result (Infinity)'],
    ]);
    expect(rows[0]!.details).toEqual({ anchor: '2021-03-08' });
    expect(rows[1]!.details).toEqual({ peak_date: null });
  });

  it('recurses into nested records', () => {
    const rows = flattenMetricRecords('capm', { '1Y': { beta: 1.1, nested: { a: 2 } } });
    expect(rows.map((r) => r.metric)).toEqual(['capm.1Y.beta', 'capm.1Y.nested.a']);
  });
});
