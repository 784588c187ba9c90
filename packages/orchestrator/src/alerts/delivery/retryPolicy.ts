/** How often and how patiently a delivery is retried within one delivery pass. */
export interface RetryPolicy {
  /** Attempts per pass, the first included (≥ 1). */
  readonly maxAttempts: number;
  /** Milliseconds to wait before retry `n` (1 = the wait after the first failure). */
  backoffMs(retry: number): number;
}

/** 5 attempts; waits 0.5 s, 1 s, 2 s, 4 s: `min(30 s, 500 ms × 2^(n−1))`. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  backoffMs: (retry) => Math.min(30_000, 500 * 2 ** (retry - 1)),
};
