import assert from 'node:assert/strict';
import type { EpisodeState } from '../dedupe/episodeState.js';
import { stateKey } from '../dedupe/episodeState.js';
import { idempotencyKey } from '../dedupe/idempotencyKey.js';
import type { AlertEvent } from '../events/alertEvent.js';
import type { AlertStore } from './alertStore.js';

/** One behaviour every {@link AlertStore} must have; `run` throws (node:assert) when it does not. */
export interface AlertStoreCheck {
  readonly name: string;
  run(store: AlertStore): Promise<void>;
}

function event(ruleId: string, firing: number, channels: AlertEvent['channels']): AlertEvent {
  return {
    idempotencyKey: idempotencyKey(ruleId, 'p1', '2026-11-02', firing),
    ruleId,
    kind: 'metric',
    severity: 'warning',
    scopeKey: 'p1',
    subject: 'portfolio p1',
    message: 'm',
    details: { value: 0.31, nested: { list: [1, 'a', null] } },
    asOf: '2026-11-02',
    packId: 'pack',
    runId: null,
    episodeStart: '2026-11-02',
    firing,
    channels,
  };
}

function state(asOf: string, active: boolean): EpisodeState {
  return {
    ruleId: 'r',
    scopeKey: 'p1',
    asOf,
    lastHolds: active,
    active,
    episodeStart: active ? '2026-11-02' : null,
    firings: active ? 1 : 0,
    lastFiredAsOf: active ? '2026-11-02' : null,
  };
}

const t0 = new Date('2026-11-03T00:20:00Z');

/**
 * The behaviour `deliverPending`, `replayDeadLetter` and `evaluateAlerts` rely on, as checks
 * any implementation (memory, database) can run against a fresh, empty store.
 */
export const alertStoreContract: readonly AlertStoreCheck[] = [
  {
    name: 'loads, per (rule, scope), the state of the latest as-of date strictly before the one asked; saving the same date replaces it',
    async run(store) {
      await store.saveStates([state('2026-11-02', true), state('2026-11-04', false)]);
      await store.saveStates([state('2026-11-04', true)]);
      const key = stateKey('r', 'p1');
      assert.equal((await store.loadStatesBefore('2026-11-02')).size, 0);
      assert.deepEqual(
        (await store.loadStatesBefore('2026-11-04')).get(key),
        state('2026-11-02', true),
      );
      assert.deepEqual(
        (await store.loadStatesBefore('2026-11-05')).get(key),
        state('2026-11-04', true),
      );
    },
  },
  {
    name: 'inserts an event once per idempotency key and keeps the first createdAt',
    async run(store) {
      const e = event('r', 1, ['webhook']);
      assert.equal(await store.insertEvent(e, t0), true);
      assert.equal(
        await store.insertEvent({ ...e, message: 'changed' }, new Date(t0.getTime() + 1000)),
        false,
      );
      assert.deepEqual(await store.listEvents(), [{ ...e, createdAt: t0.toISOString() }]);
    },
  },
  {
    name: 'lists each undelivered (event, channel) as pending, marks delivered at most once',
    async run(store) {
      const e = event('r', 1, ['webhook', 'outbox']);
      await store.insertEvent(e, t0);
      const pending = await store.listPendingDeliveries();
      assert.deepEqual(
        pending.map((p) => [p.event.idempotencyKey, p.channel, p.lastAttempt]),
        [
          [e.idempotencyKey, 'webhook', 0],
          [e.idempotencyKey, 'outbox', 0],
        ],
      );
      assert.equal(await store.markDelivered(e.idempotencyKey, 'webhook', t0), true);
      assert.equal(await store.markDelivered(e.idempotencyKey, 'webhook', t0), false);
      assert.deepEqual(
        (await store.listPendingDeliveries()).map((p) => p.channel),
        ['outbox'],
      );
      assert.deepEqual(await store.listDelivered(), [
        { eventKey: e.idempotencyKey, channel: 'webhook', deliveredAt: t0.toISOString() },
      ]);
    },
  },
  {
    name: 'records attempts as attempting, then their outcome; pending carries the last attempt number',
    async run(store) {
      const e = event('r', 1, ['webhook']);
      await store.insertEvent(e, t0);
      await store.recordAttemptStarted({
        eventKey: e.idempotencyKey,
        channel: 'webhook',
        attempt: 1,
        startedAt: t0,
      });
      await store.recordAttemptFinished({
        eventKey: e.idempotencyKey,
        channel: 'webhook',
        attempt: 1,
        status: 'failed',
        httpStatus: 503,
        error: 'webhook answered 503',
        finishedAt: t0,
      });
      await store.recordAttemptStarted({
        eventKey: e.idempotencyKey,
        channel: 'webhook',
        attempt: 2,
        startedAt: t0,
      });
      assert.deepEqual(
        (await store.listAttempts(e.idempotencyKey)).map((a) => [
          a.attempt,
          a.status,
          a.httpStatus,
          a.error,
          a.finishedAt,
        ]),
        [
          [1, 'failed', 503, 'webhook answered 503', t0.toISOString()],
          [2, 'attempting', null, null, null],
        ],
      );
      assert.equal((await store.listPendingDeliveries())[0]?.lastAttempt, 2);
    },
  },
  {
    name: 'a dead letter parks its pair until reopened; reopening works once',
    async run(store) {
      const e = event('r', 1, ['webhook']);
      await store.insertEvent(e, t0);
      const letter = await store.writeDeadLetter({
        eventKey: e.idempotencyKey,
        channel: 'webhook',
        attempts: 3,
        httpStatus: 500,
        error: 'webhook answered 500',
        at: t0,
      });
      assert.deepEqual(await store.listPendingDeliveries(), []);
      assert.deepEqual(await store.listDeadLetters(), [letter]);
      const reopened = await store.reopenDeadLetter(letter.id, t0);
      assert.equal(reopened?.event.idempotencyKey, e.idempotencyKey);
      assert.equal(reopened?.channel, 'webhook');
      assert.equal((await store.listDeadLetters())[0]?.replayedAt, t0.toISOString());
      assert.equal((await store.listPendingDeliveries()).length, 1);
      assert.equal(await store.reopenDeadLetter(letter.id, t0), null);
      assert.equal(await store.reopenDeadLetter(letter.id + 1000, t0), null);
    },
  },
];
