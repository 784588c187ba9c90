import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryAlertStore } from '../store/memoryAlertStore.js';
import { failingOnce } from '../testing/failingOnce.js';
import { sampleEvent } from '../testing/sampleEvent.js';
import { WebhookReceiver } from '../testing/webhookReceiver.js';
import type { DeliveryOptions } from './deliveryOptions.js';
import { deliverPending } from './deliverPending.js';
import { replayDeadLetter } from './replayDeadLetter.js';
import { webhookChannel } from './webhookChannel.js';

const secret = 'deliver-pending-secret-0123456789';
let receiver: WebhookReceiver;
let store: MemoryAlertStore;
let waits: number[];

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(() => {
  receiver.requests.length = 0;
  receiver.effective.length = 0;
  receiver.script();
  store = new MemoryAlertStore();
  waits = [];
});

function options(overrides: Partial<DeliveryOptions> = {}): DeliveryOptions {
  return {
    store,
    channels: { webhook: webhookChannel({ url: receiver.url, secret, timeoutMs: 2_000 }) },
    retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 1_000, factor: 2 },
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  };
}

async function insert(overrides: Parameters<typeof sampleEvent>[0] = {}) {
  const event = sampleEvent(overrides);
  await store.insertEvent(event, new Date(event.createdAt));
  return event;
}

describe('deliverPending', () => {
  it('delivers each pending pair once and records the attempt', async () => {
    const event = await insert();
    expect(await deliverPending(options())).toEqual([
      {
        eventKey: event.idempotencyKey,
        channel: 'webhook',
        outcome: 'delivered',
        attempts: 1,
        error: null,
      },
    ]);
    expect(await deliverPending(options())).toEqual([]);
    expect(receiver.requests).toHaveLength(1);
    expect(await store.listAttempts()).toMatchObject([
      { attempt: 1, status: 'delivered', httpStatus: 200 },
    ]);
  });

  it('retries 5xx with the configured backoff and delivers', async () => {
    await insert();
    receiver.script(500, 502);
    const [result] = await deliverPending(options());
    expect(result).toMatchObject({ outcome: 'delivered', attempts: 3 });
    expect(waits).toEqual([10, 20]);
    expect((await store.listAttempts()).map((a) => [a.attempt, a.status, a.httpStatus])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 502],
      [3, 'delivered', 200],
    ]);
  });

  it('does not retry a 4xx: one attempt, then a dead letter', async () => {
    const event = await insert();
    receiver.script(400);
    expect(await deliverPending(options())).toMatchObject([
      { outcome: 'dead_lettered', attempts: 1 },
    ]);
    expect(await store.listDeadLetters()).toMatchObject([
      { eventKey: event.idempotencyKey, attempts: 1, httpStatus: 400 },
    ]);
    expect(receiver.requests).toHaveLength(1);
  });

  it('receiver down: retries, dead letter, nothing more until replay, and replay delivers exactly once', async () => {
    const event = await insert();
    receiver.script(500, 500, 500);
    expect(await deliverPending(options())).toMatchObject([
      { outcome: 'dead_lettered', attempts: 3 },
    ]);
    expect(waits).toEqual([10, 20]);
    const [letter] = await store.listDeadLetters();
    expect(letter).toMatchObject({ attempts: 3, httpStatus: 500, replayedAt: null });
    expect(letter?.error).toBe(`webhook ${receiver.url} answered 500 Internal Server Error`);
    expect(await deliverPending(options())).toEqual([]);
    expect(receiver.requests).toHaveLength(3);

    const replayed = await replayDeadLetter(letter?.id ?? -1, options());
    expect(replayed).toMatchObject({ outcome: 'delivered', attempts: 1 });
    expect(await replayDeadLetter(letter?.id ?? -1, options())).toBeNull();
    expect(await deliverPending(options())).toEqual([]);
    expect(receiver.effective).toEqual([event.idempotencyKey]);
    expect(receiver.requests.filter((r) => r.status === 200)).toHaveLength(1);
    expect((await store.listAttempts()).map((a) => a.attempt)).toEqual([1, 2, 3, 4]);
    expect(await store.listDelivered()).toHaveLength(1);
  });

  it('a crash after the send and before the record: the rerun re-sends with the same key, one effective delivery', async () => {
    const event = await insert();
    const dyingStore = failingOnce(store, 'recordAttemptFinished', 'process killed');
    await expect(deliverPending(options({ store: dyingStore }))).rejects.toThrow('process killed');
    expect(await store.listAttempts()).toMatchObject([
      { attempt: 1, status: 'attempting', finishedAt: null },
    ]);
    expect(receiver.requests).toHaveLength(1);

    expect(await deliverPending(options())).toMatchObject([{ outcome: 'delivered', attempts: 1 }]);
    expect(receiver.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      event.idempotencyKey,
      event.idempotencyKey,
    ]);
    expect(receiver.effective).toEqual([event.idempotencyKey]);
    expect((await store.listAttempts()).map((a) => [a.attempt, a.status])).toEqual([
      [1, 'attempting'],
      [2, 'delivered'],
    ]);
    expect(await deliverPending(options())).toEqual([]);
  });

  it('parks an event for a channel that is not configured, naming the channel', async () => {
    await insert({ channels: ['webhook', 'outbox'] });
    const results = await deliverPending(options());
    expect(results.map((r) => [r.channel, r.outcome])).toEqual([
      ['webhook', 'delivered'],
      ['outbox', 'dead_lettered'],
    ]);
    expect(await store.listDeadLetters()).toMatchObject([
      { channel: 'outbox', attempts: 0, error: 'channel outbox is not configured' },
    ]);
  });

  it('never records the secret, even when the URL carries it', async () => {
    await insert();
    receiver.script(500, 500, 500);
    const url = `${receiver.url}?sig=${secret}`;
    await deliverPending(options({ channels: { webhook: webhookChannel({ url, secret }) } }));
    const recorded = JSON.stringify([await store.listAttempts(), await store.listDeadLetters()]);
    expect(recorded).toContain('500');
    expect(recorded).not.toContain(secret);
  });
});
