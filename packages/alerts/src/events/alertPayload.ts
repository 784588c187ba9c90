import type { StoredAlertEvent } from './alertEvent.js';
import type { JsonObject } from './json.js';

/**
 * The JSON document a receiver gets (webhook body, outbox line). Built only from the stored
 * event, so every re-send of one event has byte-identical text and the same signature.
 * `version` changes if the shape ever does.
 */
export function alertPayload(event: StoredAlertEvent): JsonObject {
  return {
    version: 1,
    idempotencyKey: event.idempotencyKey,
    ruleId: event.ruleId,
    kind: event.kind,
    severity: event.severity,
    subject: event.subject,
    message: event.message,
    asOf: event.asOf,
    packId: event.packId,
    runId: event.runId,
    scopeKey: event.scopeKey,
    episodeStart: event.episodeStart,
    firing: event.firing,
    firedAt: event.createdAt,
    details: event.details,
  };
}
