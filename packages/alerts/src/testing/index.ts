/**
 * @truth-spine/alerts/testing — what tests of alert code need and production never does:
 * the behaviour every AlertStore must have (run it against a new store), an in-memory
 * store, sample rules and events, a local webhook receiver and a one-shot failure.
 */
export { alertStoreContract, type AlertStoreCheck } from '../store/alertStoreContract.js';
export { MemoryAlertStore } from '../store/memoryAlertStore.js';
export { failingOnce } from './failingOnce.js';
export { ruleFrom, rulesFrom } from './rulesFrom.js';
export { sampleEvent } from './sampleEvent.js';
export { WebhookReceiver, type ReceivedRequest } from './webhookReceiver.js';
