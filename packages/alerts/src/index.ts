/**
 * @truth-spine/alerts — alert rules, their evaluation over a night's facts, dedupe into
 * episodes with idempotency keys, the alert store (interface and database), and delivery
 * to console, JSONL outbox and signed webhooks with retries and dead letters. See
 * docs/ALERTS.md. It reads facts it is handed; which night and when is the orchestrator's.
 */
export * from './rules/alertRule.js';
export { AlertRulesError } from './rules/alertRulesError.js';
export { durationSeconds } from './rules/duration.js';
export { loadAlertRules } from './rules/loadAlertRules.js';
export { parseAlertRules } from './rules/parseAlertRules.js';
export { withOperationalDefaults } from './rules/withOperationalDefaults.js';
export type * from './facts/nightFacts.js';
export type * from './conditions/condition.js';
export { evaluateConditions } from './conditions/evaluateConditions.js';
export { advanceEpisode, type Firing } from './dedupe/advanceEpisode.js';
export { asOfSeconds, InvalidAsOfDateError } from './dedupe/asOfSeconds.js';
export { type EpisodeState, stateKey } from './dedupe/episodeState.js';
export { idempotencyKey } from './dedupe/idempotencyKey.js';
export { type AlertEvent, buildAlertEvent, type StoredAlertEvent } from './events/alertEvent.js';
export { alertPayload } from './events/alertPayload.js';
export type * from './store/alertStore.js';
export type { AlertChannel, AlertChannels, SendOutcome } from './delivery/alertChannel.js';
export { consoleChannel, type LineSink } from './delivery/consoleChannel.js';
export { deliverPending } from './delivery/deliverPending.js';
export type { DeliveryOptions, DeliveryResult } from './delivery/deliveryOptions.js';
export { outboxChannel } from './delivery/outboxChannel.js';
export { replayDeadLetter } from './delivery/replayDeadLetter.js';
export { backoffDelayMs, defaultRetryPolicy, type RetryPolicy } from './delivery/retryPolicy.js';
export { signatureHeader, verifySignature } from './delivery/signBody.js';
export { webhookChannel, type WebhookOptions } from './delivery/webhookChannel.js';
export { type AlertEvaluation, evaluateAlerts } from './evaluateAlerts.js';
export {
  type AlertListing,
  type ChannelStatus,
  formatAlertListing,
  listAlerts,
} from './listing/listAlerts.js';
export { alertDeliveryDeadLetterKind, DatabaseAlertStore } from './store/databaseAlertStore.js';
