import { describe, expect, it } from 'vitest';
import type { PortfolioFacts } from '../facts/nightFacts.js';
import { ruleFrom } from '../testing/rulesFrom.js';
import { metricConditions } from './metricConditions.js';

const volHigh = ruleFrom({
  id: 'vol-high',
  kind: 'metric',
  metric: 'volatility.1Y',
  op: '>',
  threshold: 0.25,
  scope: 'all',
});
const portfolios: PortfolioFacts[] = [
  { id: 'p1', metrics: { 'volatility.1Y': 0.31 }, holdings: [] },
  { id: 'p2', metrics: { 'volatility.1Y': 0.25 }, holdings: [] },
  { id: 'p3', metrics: { 'volatility.1Y': null }, holdings: [] },
  { id: 'p4', metrics: {}, holdings: [] },
];

describe('metricConditions', () => {
  it('compares each portfolio; null or missing is unknown, never 0', () => {
    expect(metricConditions(volHigh, portfolios).map((c) => [c.scopeKey, c.holds])).toEqual([
      ['p1', true],
      ['p2', false],
      ['p3', null],
      ['p4', null],
    ]);
    const [first] = metricConditions(volHigh, portfolios);
    expect(first).toMatchObject({
      subject: 'portfolio p1',
      message: 'volatility.1Y of portfolio p1 is 0.31, > 0.25',
      details: { portfolioId: 'p1', value: 0.31 },
    });
  });

  it('treats a null metric as unknown even where 0 would satisfy the rule', () => {
    const ddDeep = ruleFrom({
      id: 'dd',
      kind: 'metric',
      metric: 'volatility.1Y',
      op: '<',
      threshold: 0.1,
      scope: 'p3',
    });
    expect(metricConditions(ddDeep, portfolios)).toEqual([
      {
        ruleId: 'dd',
        scopeKey: 'p3',
        holds: null,
        reason: 'metric volatility.1Y is undefined for portfolio p3',
      },
    ]);
  });

  it('covers each operator at the boundary', () => {
    const at = (op: string) =>
      metricConditions(
        ruleFrom({ id: 'r', kind: 'metric', metric: 'm', op, threshold: 1, scope: 'x' }),
        [{ id: 'x', metrics: { m: 1 }, holdings: [] }],
      )[0]?.holds;
    expect([at('>'), at('>='), at('<'), at('<=')]).toEqual([false, true, false, true]);
  });

  it('reports a scoped portfolio that is absent as unknown', () => {
    const rule = ruleFrom({
      id: 'r',
      kind: 'metric',
      metric: 'm',
      op: '>',
      threshold: 1,
      scope: 'gone',
    });
    expect(metricConditions(rule, portfolios)[0]).toMatchObject({ scopeKey: 'gone', holds: null });
  });
});
