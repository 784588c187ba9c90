import { describe, expect, it } from 'vitest';
import { metricCell, metricTable } from './metricTable.js';

const metric = (name: string, value: number | null, reason: string | null = null) => ({
  portfolio_id: 'P',
  metric: name,
  value,
  reason,
  first_date: null,
  last_date: null,
  n_obs: null,
  details: null,
});

describe('metricCell', () => {
  it('takes the first period part as the column and the rest as the row', () => {
    expect(metricCell('twr.1Y.cumulative')).toEqual({ row: 'twr.cumulative', period: '1Y' });
    expect(metricCell('sharpe.30d')).toEqual({ row: 'sharpe', period: '30d' });
    expect(metricCell('max_drawdown.inception')).toEqual({
      row: 'max_drawdown',
      period: 'inception',
    });
    expect(metricCell('factors.rolling_corr30.DGS10')).toEqual({
      row: 'factors.rolling_corr30.DGS10',
      period: '—',
    });
  });
});

describe('metricTable', () => {
  it('puts periods in calendar order as columns, full values in data-value, nulls with their reason', () => {
    const table = metricTable([
      metric('twr.YTD.cumulative', 0.0123456789),
      metric('twr.1Y.cumulative', null, 'too little history: 100 of 252 days'),
      metric('twr.1d.cumulative', -0.5),
    ]).text;
    const headers = [...table.matchAll(/<th class="n">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(['1d', 'YTD', '1Y']);
    expect(table).toContain(
      'data-metric="twr.YTD.cumulative"><span class="num" data-value="0.0123456789">0.01235</span>',
    );
    expect(table).toContain('title="too little history: 100 of 252 days"');
    expect(table.match(/<tr>/g)).toHaveLength(2);
  });
});
