import type { ResilienceSettings } from '../config/providerConfig.js';
import { ProviderError } from '../errors/providerError.js';
import { ProviderHttpError } from '../errors/providerHttpError.js';

/** Clock, randomness and sleep, injectable so tests run fast and deterministic. */
export interface RetryEnvironment {
  readonly now: () => number;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Called before each retry's wait with the failure, the attempt that failed and the wait. */
export type RetryListener = (error: ProviderError, failedAttempt: number, delayMs: number) => void;

/** Real time: `Date.now`, `Math.random` and an abortable timer. */
export const realRetryEnvironment: RetryEnvironment = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * Wait before retry number `retry` (1 = the first retry): "full jitter" exponential
 * backoff, `random · min(max, base · 2^(retry−1))`, but never less than the server's
 * `Retry-After`.
 */
export function backoffDelayMs(
  retry: number,
  settings: Pick<ResilienceSettings, 'backoffBaseMs' | 'backoffMaxMs'>,
  random: number,
  retryAfterMs: number | null,
): number {
  const ceiling = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** (retry - 1));
  return Math.max(Math.round(random * ceiling), retryAfterMs ?? 0);
}

/** Records on a final retryable error how many attempts were made, in `attempts` and the message. */
function gaveUp(error: ProviderError, attempts: number): ProviderError {
  error.attempts = attempts;
  if (attempts > 1) error.message = `${error.message} (gave up after ${attempts} attempts)`;
  return error;
}

/**
 * Runs `attempt` until it succeeds, a non-retryable error is thrown, `maxAttempts` are
 * used, or the next wait would end after `retryBudgetMs` from the start; each attempt is
 * told the budget left (`remainingMs`) so it can cap its own timeout. Retryable means
 * a {@link ProviderError} with `retryable` (429, 5xx, network, timeout); 400/401/402/403,
 * invalid payloads and anything else are thrown at once. The last error is thrown, its
 * `attempts` set and, after more than one attempt, its message ending
 * `(gave up after N attempts)`.
 */
export async function retryWithBackoff<T>(
  attempt: (attemptNumber: number, remainingMs: number) => Promise<T>,
  settings: ResilienceSettings,
  environment: RetryEnvironment,
  signal?: AbortSignal,
  onRetry?: RetryListener,
): Promise<T> {
  const deadline = environment.now() + settings.retryBudgetMs;
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber, Math.max(1, deadline - environment.now()));
    } catch (error) {
      if (!(error instanceof ProviderError) || !error.retryable) throw error;
      if (attemptNumber >= settings.maxAttempts) throw gaveUp(error, attemptNumber);
      const retryAfterMs = error instanceof ProviderHttpError ? error.retryAfterMs : null;
      const delay = backoffDelayMs(attemptNumber, settings, environment.random(), retryAfterMs);
      if (environment.now() + delay > deadline) throw gaveUp(error, attemptNumber);
      onRetry?.(error, attemptNumber, delay);
      await environment.sleep(delay, signal);
    }
  }
}
