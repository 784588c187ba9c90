import { setTimeout as wait } from 'node:timers/promises';
import type { PendingDelivery } from '../store/alertStore.js';
import type { SendOutcome } from './alertChannel.js';
import type { DeliveryOptions, DeliveryResult } from './deliveryOptions.js';
import { backoffDelayMs, defaultRetryPolicy } from './retryPolicy.js';

/**
 * Delivers one pending (event, channel) pair: each attempt is recorded as `attempting`
 * before the send and finished after it; success marks the pair delivered (once); a final
 * failure (not retryable, or `maxAttempts` used) writes a dead letter. Attempt numbers
 * continue after `pending.lastAttempt`, so an attempt left `attempting` by a crash stays visible.
 */
export async function deliverOne(
  pending: PendingDelivery,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const { store } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const clock = options.clock ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => wait(ms));
  const eventKey = pending.event.idempotencyKey;
  const channelName = pending.channel;
  const channel = options.channels[channelName];
  const result = (
    outcome: DeliveryResult['outcome'],
    attempts: number,
    error: string | null,
  ): DeliveryResult => ({
    eventKey,
    channel: channelName,
    outcome,
    attempts,
    error,
  });

  if (channel === undefined) {
    const error = `channel ${channelName} is not configured`;
    await store.writeDeadLetter({
      eventKey,
      channel: channelName,
      attempts: 0,
      httpStatus: null,
      error,
      at: clock(),
    });
    return result('dead_lettered', 0, error);
  }

  for (let made = 1; ; made++) {
    const attempt = pending.lastAttempt + made;
    await store.recordAttemptStarted({
      eventKey,
      channel: channelName,
      attempt,
      startedAt: clock(),
    });
    const outcome = await sendSafely(() => channel.send(pending.event));
    await store.recordAttemptFinished({
      eventKey,
      channel: channelName,
      attempt,
      status: outcome.ok ? 'delivered' : 'failed',
      httpStatus: outcome.httpStatus,
      error: outcome.ok ? null : outcome.error,
      finishedAt: clock(),
    });
    if (outcome.ok) {
      await store.markDelivered(eventKey, channelName, clock());
      return result('delivered', made, null);
    }
    if (!outcome.retryable || made >= retry.maxAttempts) {
      await store.writeDeadLetter({
        eventKey,
        channel: channelName,
        attempts: made,
        httpStatus: outcome.httpStatus,
        error: outcome.error,
        at: clock(),
      });
      return result('dead_lettered', made, outcome.error);
    }
    await sleep(backoffDelayMs(retry, made));
  }
}

/** A channel that throws is treated as a retryable failure (its message must already be secret-free). */
async function sendSafely(send: () => Promise<SendOutcome>): Promise<SendOutcome> {
  try {
    return await send();
  } catch (error) {
    return {
      ok: false,
      retryable: true,
      httpStatus: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
