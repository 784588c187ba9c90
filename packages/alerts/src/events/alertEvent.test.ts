import { describe, expect, it } from 'vitest';
import { idempotencyKey } from '../dedupe/idempotencyKey.js';
import { ruleFrom } from '../testing/rulesFrom.js';
import { buildAlertEvent } from './alertEvent.js';

describe('buildAlertEvent', () => {
  it('takes identity from the rule and firing, wording from the condition, context from the night', () => {
    const rule = ruleFrom({
      id: 'move',
      kind: 'price_move',
      threshold: 0.05,
      scope: 'all',
      severity: 'critical',
      channels: ['outbox', 'webhook'],
    });
    const event = buildAlertEvent(
      rule,
      {
        ruleId: 'move',
        scopeKey: 'AAPL',
        holds: true,
        subject: 'AAPL',
        message: 'AAPL moved',
        details: { move: -0.06 },
      },
      { episodeStart: '2026-11-02', firing: 2 },
      { asOf: '2026-11-09', packId: 'pk', runId: null },
    );
    expect(event).toEqual({
      idempotencyKey: idempotencyKey('move', 'AAPL', '2026-11-02', 2),
      ruleId: 'move',
      kind: 'price_move',
      severity: 'critical',
      scopeKey: 'AAPL',
      subject: 'AAPL',
      message: 'AAPL moved',
      details: { move: -0.06 },
      asOf: '2026-11-09',
      packId: 'pk',
      runId: null,
      episodeStart: '2026-11-02',
      firing: 2,
      channels: ['outbox', 'webhook'],
    });
  });
});
