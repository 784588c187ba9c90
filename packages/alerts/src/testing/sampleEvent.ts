import { idempotencyKey } from '../dedupe/idempotencyKey.js';
import type { StoredAlertEvent } from '../events/alertEvent.js';

/** Test helper: a stored event with sensible fields, overridable. */
export function sampleEvent(overrides: Partial<StoredAlertEvent> = {}): StoredAlertEvent {
  const ruleId = overrides.ruleId ?? 'vol-high';
  const scopeKey = overrides.scopeKey ?? 'p1';
  const episodeStart = overrides.episodeStart ?? '2026-11-02';
  const firing = overrides.firing ?? 1;
  return {
    idempotencyKey: idempotencyKey(ruleId, scopeKey, episodeStart, firing),
    ruleId,
    kind: 'metric',
    severity: 'warning',
    scopeKey,
    subject: `portfolio ${scopeKey}`,
    message: `volatility.1Y of portfolio ${scopeKey} is 0.31, > 0.25`,
    details: { portfolioId: scopeKey, metric: 'volatility.1Y', value: 0.31 },
    asOf: episodeStart,
    packId: 'pack-1',
    runId: 'run-1',
    episodeStart,
    firing,
    channels: ['webhook'],
    createdAt: '2026-11-03T00:20:00.000Z',
    ...overrides,
  };
}
