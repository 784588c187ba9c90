import type { HoldingCondition } from '../conditions/condition.js';
import type { Firing } from '../dedupe/advanceEpisode.js';
import { idempotencyKey } from '../dedupe/idempotencyKey.js';
import type { AlertKind, AlertRule, AlertSeverity, ChannelName } from '../rules/alertRule.js';
import type { JsonObject } from './json.js';

/** One alert: a firing of a rule in a scope, to be delivered once on each of its channels. */
export interface AlertEvent {
  /** See {@link idempotencyKey}; unique across all events. */
  readonly idempotencyKey: string;
  readonly ruleId: string;
  readonly kind: AlertKind;
  readonly severity: AlertSeverity;
  readonly scopeKey: string;
  readonly subject: string;
  readonly message: string;
  readonly details: JsonObject;
  /** The as-of date evaluated when it fired. */
  readonly asOf: string;
  readonly packId: string | null;
  readonly runId: string | null;
  readonly episodeStart: string;
  readonly firing: number;
  /** The rule's channels when it fired (a later edit of the rules file does not re-route it). */
  readonly channels: readonly ChannelName[];
}

/** An event as recorded, with the instant (ISO 8601) it was first inserted. */
export interface StoredAlertEvent extends AlertEvent {
  readonly createdAt: string;
}

/** The event for `firing` of `rule` on the condition that caused it. */
export function buildAlertEvent(
  rule: AlertRule,
  condition: HoldingCondition,
  firing: Firing,
  night: { readonly asOf: string; readonly packId: string | null; readonly runId: string | null },
): AlertEvent {
  return {
    idempotencyKey: idempotencyKey(rule.id, condition.scopeKey, firing.episodeStart, firing.firing),
    ruleId: rule.id,
    kind: rule.kind,
    severity: rule.severity,
    scopeKey: condition.scopeKey,
    subject: condition.subject,
    message: condition.message,
    details: condition.details,
    asOf: night.asOf,
    packId: night.packId,
    runId: night.runId,
    episodeStart: firing.episodeStart,
    firing: firing.firing,
    channels: rule.channels,
  };
}
