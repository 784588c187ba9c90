import { describe, expect, it } from 'vitest';
import { ruleFrom } from '../testing/rulesFrom.js';
import {
  deadlineMissedConditions,
  packStaleCondition,
  runBlockedCondition,
} from './operationalConditions.js';

describe('runBlockedCondition', () => {
  const rule = ruleFrom({ id: 'blocked', kind: 'run_blocked' });
  it('holds while the run is blocked and names the failed step', () => {
    expect(
      runBlockedCondition(
        rule,
        { runId: 'r7', failedStep: 'reconcile_ledger', error: 'p1 off by 3 bp' },
        '2026-11-26',
      ),
    ).toMatchObject({
      holds: true,
      scopeKey: 'pipeline',
      message: 'Run r7 for 2026-11-26 is blocked: reconcile_ledger failed (p1 off by 3 bp)',
    });
    expect(runBlockedCondition(rule, null, '2026-11-26').holds).toBe(false);
  });
});

describe('deadlineMissedConditions', () => {
  const rule = ruleFrom({ id: 'late', kind: 'deadline_missed' });
  it('gives one condition per deadline', () => {
    const conditions = deadlineMissedConditions(rule, [
      { name: 'pack_built', missed: true, limitSeconds: 600, actualSeconds: 721 },
      { name: 'run_finished', missed: false, limitSeconds: 1800, actualSeconds: 900 },
    ]);
    expect(conditions.map((c) => [c.scopeKey, c.holds])).toEqual([
      ['pack_built', true],
      ['run_finished', false],
    ]);
    expect(conditions[0]).toMatchObject({
      message: 'Deadline pack_built missed: 721 s against a limit of 600 s',
    });
  });
});

describe('packStaleCondition', () => {
  const rule = ruleFrom({ id: 'stale', kind: 'pack_stale', maxAgeHours: 36 });
  const pack = { packId: 'pk1', asOf: '2026-11-24', freshAt: '2026-11-25T00:12:00Z' };
  it('holds once the newest fresh pack is older than the limit (hand-computed ages)', () => {
    // 2026-11-26T12:12Z − 2026-11-25T00:12Z = 36 h exactly: not older than 36 h.
    expect(packStaleCondition(rule, pack, '2026-11-26T12:12:00Z').holds).toBe(false);
    // +1 minute → 36.0167 h.
    expect(packStaleCondition(rule, pack, '2026-11-26T12:13:00Z')).toMatchObject({
      holds: true,
      message: 'Newest fresh pack pk1 (as of 2026-11-24) is 36.0 h old, limit 36 h',
    });
    expect(packStaleCondition(rule, null, '2026-11-26T12:13:00Z').holds).toBe(true);
    expect(packStaleCondition(rule, pack, 'yesterday').holds).toBeNull();
  });
});
