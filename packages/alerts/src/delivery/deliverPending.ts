import { deliverOne } from './deliverOne.js';
import type { DeliveryOptions, DeliveryResult } from './deliveryOptions.js';

/**
 * Delivers every (event, channel) pair that is neither delivered nor dead-lettered, one
 * after another, oldest event first. Safe to call again at any time — after a crash, a
 * `--force` re-run or a backfill: delivered pairs are skipped, and a pair whose last attempt
 * was left `attempting` is re-sent with the same idempotency key (at-least-once transport;
 * receivers dedupe by `Idempotency-Key`, see docs/ALERTS.md).
 */
export async function deliverPending(options: DeliveryOptions): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = [];
  for (const pending of await options.store.listPendingDeliveries()) {
    results.push(await deliverOne(pending, options));
  }
  return results;
}
