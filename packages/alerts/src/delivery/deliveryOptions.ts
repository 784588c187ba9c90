import type { AlertStore } from '../store/alertStore.js';
import type { AlertChannels } from './alertChannel.js';
import type { RetryPolicy } from './retryPolicy.js';

/** What a delivery pass needs; `clock` and `sleep` are injectable for tests. */
export interface DeliveryOptions {
  readonly store: AlertStore;
  readonly channels: AlertChannels;
  /** Default {@link defaultRetryPolicy}. */
  readonly retry?: RetryPolicy;
  /** Default `() => new Date()`. */
  readonly clock?: () => Date;
  /** Default a `setTimeout` promise. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** How one (event, channel) pair ended in a pass. */
export interface DeliveryResult {
  readonly eventKey: string;
  readonly channel: string;
  readonly outcome: 'delivered' | 'dead_lettered';
  /** Attempts made in this pass. */
  readonly attempts: number;
  readonly error: string | null;
}
