import { describe, expect, it } from 'vitest';
import { MemoryAlertStore } from '../store/memoryAlertStore.js';
import { sampleEvent } from '../testing/sampleEvent.js';
import { formatAlertListing, listAlerts } from './listAlerts.js';

describe('listAlerts', () => {
  it('shows each channel of each event as delivered, pending or dead-lettered', async () => {
    const store = new MemoryAlertStore();
    const event = sampleEvent({ channels: ['webhook', 'outbox', 'console'] });
    const at = new Date('2026-11-03T00:21:00Z');
    await store.insertEvent(event, new Date(event.createdAt));
    const key = event.idempotencyKey;
    for (const attempt of [1, 2]) {
      await store.recordAttemptStarted({
        eventKey: key,
        channel: 'webhook',
        attempt,
        startedAt: at,
      });
      await store.recordAttemptFinished({
        eventKey: key,
        channel: 'webhook',
        attempt,
        status: attempt === 1 ? 'failed' : 'delivered',
        httpStatus: attempt === 1 ? 503 : 200,
        error: attempt === 1 ? 'webhook answered 503' : null,
        finishedAt: at,
      });
    }
    await store.markDelivered(key, 'webhook', at);
    await store.writeDeadLetter({
      eventKey: key,
      channel: 'outbox',
      attempts: 0,
      httpStatus: null,
      error: 'channel outbox is not configured',
      at,
    });

    const listing = await listAlerts(store);
    expect(listing[0]?.channels).toEqual([
      {
        channel: 'webhook',
        status: 'delivered',
        attempts: 2,
        deliveredAt: at.toISOString(),
        lastError: 'webhook answered 503',
      },
      {
        channel: 'outbox',
        status: 'dead_lettered',
        attempts: 0,
        deliveredAt: null,
        lastError: null,
      },
      { channel: 'console', status: 'pending', attempts: 0, deliveredAt: null, lastError: null },
    ]);
    expect(formatAlertListing(listing)).toBe(
      '2026-11-03T00:20:00.000Z WARNING vol-high portfolio p1: volatility.1Y of portfolio p1 is 0.31, > 0.25 | ' +
        'webhook delivered (2 attempts), outbox dead-lettered (0 attempts), console pending (0 attempts)\n',
    );
    expect(formatAlertListing([])).toBe('no alerts recorded\n');
  });
});
