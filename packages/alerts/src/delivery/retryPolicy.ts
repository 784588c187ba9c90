/**
 * Bounded retries with exponential backoff: how often and how patiently a delivery is
 * retried within one delivery pass. The pipeline retries its non-critical steps on the same
 * schedule (it imports this type and formula rather than keeping a twin).
 */
export interface RetryPolicy {
  /** Attempts in total, including the first (≥ 1). */
  readonly maxAttempts: number;
  /** Delay before the second attempt. */
  readonly initialDelayMs: number;
  /** Cap on any single delay. */
  readonly maxDelayMs: number;
  /** Growth factor between consecutive delays (≥ 1). */
  readonly factor: number;
}

/**
 * The wait after failed attempt `attempt` (1-based):
 * `min(maxDelayMs, initialDelayMs × factor^(attempt − 1))`.
 * Example: {initial 5 s, factor 2} → 5 s, 10 s, 20 s, …
 */
export function backoffDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** (attempt - 1));
}

/** A delivery's default: 5 attempts; waits 0.5 s, 1 s, 2 s, 4 s: `min(30 s, 500 ms × 2^(n−1))`. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
};
