import { deliverOne } from './deliverOne.js';
import type { DeliveryOptions, DeliveryResult } from './deliveryOptions.js';

/**
 * Replays dead letter `id`: reopens it and runs one delivery pass for its pair (a new dead
 * letter if that fails too). Returns null when the letter does not exist, was already
 * replayed, or its pair has been delivered meanwhile — so replaying twice delivers once.
 */
export async function replayDeadLetter(
  id: number,
  options: DeliveryOptions,
): Promise<DeliveryResult | null> {
  const clock = options.clock ?? (() => new Date());
  const pending = await options.store.reopenDeadLetter(id, clock());
  if (pending === null) return null;
  const delivered = await options.store.listDelivered();
  if (
    delivered.some(
      (d) => d.eventKey === pending.event.idempotencyKey && d.channel === pending.channel,
    )
  )
    return null;
  return deliverOne(pending, options);
}
