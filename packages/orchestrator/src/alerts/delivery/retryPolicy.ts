import { backoffDelayMs, type RetryPolicy } from '../../pipeline/retryPolicy.js';

/**
 * How often and how patiently a delivery is retried within one delivery pass: the same
 * {@link RetryPolicy} as the pipeline's steps (attempts per pass, the first included; the
 * wait before retry n is {@link backoffDelayMs}).
 */
export { backoffDelayMs, type RetryPolicy };

/** 5 attempts; waits 0.5 s, 1 s, 2 s, 4 s: `min(30 s, 500 ms × 2^(n−1))`. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
};
