/** Bounded retries with exponential backoff for non-critical steps. */
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

/** 3 attempts, waiting 5 s then 10 s. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  initialDelayMs: 5_000,
  maxDelayMs: 60_000,
  factor: 2,
};

/**
 * The wait after failed attempt `attempt` (1-based):
 * `min(maxDelayMs, initialDelayMs × factor^(attempt − 1))`.
 * Example: {initial 5 s, factor 2} → 5 s, 10 s, 20 s, …
 */
export function backoffDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** (attempt - 1));
}
