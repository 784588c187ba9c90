import { describe, expect, it } from 'vitest';
import { rulesFrom } from '../testing/rulesFrom.js';
import { evaluateConditions } from './evaluateConditions.js';

const rules = rulesFrom([
  { id: 'vol', kind: 'metric', metric: 'volatility.1Y', op: '>', threshold: 0.25, scope: 'all' },
  {
    id: 'off',
    kind: 'metric',
    metric: 'volatility.1Y',
    op: '>',
    threshold: 0,
    scope: 'all',
    enabled: false,
  },
  { id: 'move', kind: 'price_move', threshold: 0.05, scope: 'all' },
  { id: 'news', kind: 'news', scope: 'all' },
  { id: 'regime', kind: 'regime_change' },
  { id: 'blocked', kind: 'run_blocked' },
  { id: 'late', kind: 'deadline_missed' },
  { id: 'stale', kind: 'pack_stale', maxAgeHours: 36 },
]);

describe('evaluateConditions', () => {
  it('evaluates every enabled rule in order when all facts are present', () => {
    const conditions = evaluateConditions(rules, {
      asOf: '2026-11-26',
      packId: 'pk',
      runId: 'r1',
      portfolios: [{ id: 'p1', metrics: { 'volatility.1Y': 0.3 }, holdings: ['AAPL'] }],
      priceMoves: { AAPL: 0.01 },
      news: {},
      regime: { previous: 'Deflation', current: 'Deflation' },
      operational: {
        now: '2026-11-26T00:20:00Z',
        blockedRun: null,
        deadlines: [{ name: 'pack_built', missed: false, limitSeconds: 600, actualSeconds: 100 }],
        latestFreshPack: { packId: 'pk0', asOf: '2026-11-25', freshAt: '2026-11-25T00:14:00Z' },
      },
    });
    expect(conditions.map((c) => [c.ruleId, c.scopeKey, c.holds])).toEqual([
      ['vol', 'p1', true],
      ['move', 'AAPL', false],
      ['news', 'AAPL', false],
      ['regime', 'regime', false],
      ['blocked', 'pipeline', false],
      ['late', 'pack_built', false],
      ['stale', 'latest_pack', false],
    ]);
  });

  it('skips kinds whose facts were not gathered (a blocked night has only operational facts)', () => {
    const conditions = evaluateConditions(rules, {
      asOf: '2026-11-26',
      packId: null,
      runId: 'r1',
      operational: {
        now: '2026-11-26T00:09:00Z',
        blockedRun: { runId: 'r1', failedStep: 'build_pack', error: 'x' },
      },
    });
    expect(conditions.map((c) => [c.ruleId, c.holds])).toEqual([['blocked', true]]);
  });
});
