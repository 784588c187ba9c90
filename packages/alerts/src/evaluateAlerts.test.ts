import { describe, expect, it } from 'vitest';
import { idempotencyKey } from './dedupe/idempotencyKey.js';
import { evaluateAlerts } from './evaluateAlerts.js';
import type { NightFacts } from './facts/nightFacts.js';
import { MemoryAlertStore } from './store/memoryAlertStore.js';
import { failingOnce } from './testing/failingOnce.js';
import { rulesFrom } from './testing/rulesFrom.js';

const rules = rulesFrom([
  {
    id: 'vol-high',
    kind: 'metric',
    metric: 'volatility.1Y',
    op: '>',
    threshold: 0.25,
    scope: 'all',
    cooldown: '7d',
  },
  { id: 'blocked', kind: 'run_blocked', severity: 'critical', cooldown: '0s' },
]);

function night(asOf: string, vol: number | null): NightFacts {
  return {
    asOf,
    packId: `pack-${asOf}`,
    runId: `run-${asOf}`,
    portfolios: [{ id: 'p1', metrics: { 'volatility.1Y': vol }, holdings: [] }],
    operational: { now: `${asOf}T00:30:00Z`, blockedRun: null },
  };
}

describe('evaluateAlerts', () => {
  it('records an event with the documented key, and nothing new when the same night is evaluated again', async () => {
    const store = new MemoryAlertStore();
    const first = await evaluateAlerts({
      rules,
      facts: night('2026-11-02', 0.31),
      store,
      now: new Date('2026-11-03T00:20:00Z'),
    });
    expect(first.fired.map((e) => e.idempotencyKey)).toEqual([
      idempotencyKey('vol-high', 'p1', '2026-11-02', 1),
    ]);
    expect(first.fired[0]).toMatchObject({
      packId: 'pack-2026-11-02',
      runId: 'run-2026-11-02',
      channels: ['console'],
    });
    const again = await evaluateAlerts({ rules, facts: night('2026-11-02', 0.31), store });
    expect(again.fired).toEqual([]);
    expect(again.alreadyRecorded.map((e) => e.idempotencyKey)).toEqual([
      idempotencyKey('vol-high', 'p1', '2026-11-02', 1),
    ]);
    expect(await store.listEvents()).toHaveLength(1);
  });

  it('reports unknown conditions and keeps the episode through them', async () => {
    const store = new MemoryAlertStore();
    await evaluateAlerts({ rules, facts: night('2026-11-02', 0.31), store });
    const unknown = await evaluateAlerts({ rules, facts: night('2026-11-03', null), store });
    expect(unknown.unknown).toEqual([
      {
        ruleId: 'vol-high',
        scopeKey: 'p1',
        holds: null,
        reason: 'metric volatility.1Y is undefined for portfolio p1',
      },
    ]);
    const back = await evaluateAlerts({ rules, facts: night('2026-11-04', 0.3), store });
    expect(back.fired).toEqual([]);
  });

  it('a crash after the event was inserted and before the states were saved repeats nothing', async () => {
    const store = new MemoryAlertStore();
    const dying = failingOnce(store, 'saveStates', 'process killed');
    await expect(
      evaluateAlerts({ rules, facts: night('2026-11-02', 0.31), store: dying }),
    ).rejects.toThrow('process killed');
    const rerun = await evaluateAlerts({ rules, facts: night('2026-11-02', 0.31), store });
    expect(rerun.fired).toEqual([]);
    expect(rerun.alreadyRecorded).toHaveLength(1);
    const next = await evaluateAlerts({ rules, facts: night('2026-11-03', 0.31), store });
    expect(next.fired).toEqual([]);
  });

  it('a blocked night alerts from operational facts alone; the resumed run the same night adds only its own events', async () => {
    const store = new MemoryAlertStore();
    const blocked = await evaluateAlerts({
      rules,
      facts: {
        asOf: '2026-11-02',
        packId: null,
        runId: 'run-a',
        operational: {
          now: '2026-11-02T00:12:00Z',
          blockedRun: { runId: 'run-a', failedStep: 'reconcile_ledger', error: 'p1 off by 3 bp' },
        },
      },
      store,
    });
    expect(blocked.fired.map((e) => [e.ruleId, e.severity, e.message])).toEqual([
      [
        'blocked',
        'critical',
        'Run run-a for 2026-11-02 is blocked: reconcile_ledger failed (p1 off by 3 bp)',
      ],
    ]);
    const resumed = await evaluateAlerts({ rules, facts: night('2026-11-02', 0.31), store });
    expect(resumed.fired.map((e) => e.ruleId)).toEqual(['vol-high']);
    expect((await store.listEvents()).map((e) => e.ruleId)).toEqual(['blocked', 'vol-high']);
  });

  it('rejects a malformed as-of date before recording anything', async () => {
    const store = new MemoryAlertStore();
    await expect(
      evaluateAlerts({ rules, facts: night('2026-11-31', 0.31), store }),
    ).rejects.toMatchObject({
      code: 'invalid_as_of_date',
    });
    expect(await store.listEvents()).toEqual([]);
  });
});
