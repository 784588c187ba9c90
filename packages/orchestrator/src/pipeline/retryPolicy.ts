import type { RetryPolicy } from '@truth-spine/alerts';

/**
 * Bounded retries with exponential backoff for non-critical steps: the same
 * {@link RetryPolicy} and `backoffDelayMs` schedule as alert deliveries.
 */
export { backoffDelayMs, type RetryPolicy } from '@truth-spine/alerts';

/** 3 attempts, waiting 5 s then 10 s. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  initialDelayMs: 5_000,
  maxDelayMs: 60_000,
  factor: 2,
};
