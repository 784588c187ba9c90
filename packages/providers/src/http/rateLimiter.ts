import type { RateLimit } from '../config/rateLimit.js';

interface Waiter {
  readonly start: () => void;
}

/**
 * A provider's own limits on calls: at most `concurrency` running at once and at most
 * `rate.requests` started in any window of `rate.intervalMs` (a sliding window: the
 * `requests`-th start before this one must be at least `intervalMs` ago). Callers wait in
 * FIFO order.
 *
 * It holds a timer only while a call is waiting for the window, and clears it as soon as
 * nothing waits: an idle limiter keeps nothing alive, so a one-shot command exits as soon as
 * its work is done (a limiter that re-armed an interval timer after every burst kept the
 * process alive for up to a whole interval — a minute for `5/1m`, hours for `50/12h`).
 * A waiting call whose `signal` aborts leaves the queue and rejects with the signal's reason.
 */
export class RateLimiter {
  readonly #concurrency: number;
  readonly #rate: RateLimit;
  readonly #now: () => number;
  /** Start times of the last `rate.requests` calls, oldest first. */
  readonly #starts: number[] = [];
  readonly #waiting: Waiter[] = [];
  #running = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(concurrency: number, rate: RateLimit, now: () => number = Date.now) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer (got ${concurrency})`);
    }
    this.#concurrency = concurrency;
    this.#rate = rate;
    this.#now = now;
  }

  /** Calls waiting for their turn. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** True while the limiter holds a timer (only while a call waits for the window). */
  get holdsTimer(): boolean {
    return this.#timer !== null;
  }

  /** Runs `task` when the limits allow; resolves or rejects with its result. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.#waiting.indexOf(waiter);
        if (index >= 0) this.#waiting.splice(index, 1);
        this.#pump();
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.#running++;
          this.#starts.push(this.#now());
          if (this.#starts.length > this.#rate.requests) this.#starts.shift();
          const settle = (): void => {
            this.#running--;
            this.#pump();
          };
          task().then(
            (value) => {
              settle();
              resolve(value);
            },
            (error: unknown) => {
              settle();
              reject(error);
            },
          );
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
      this.#pump();
    });
  }

  /** Starts every waiting call the limits allow; arms one timer for the window if needed. */
  #pump(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    while (this.#waiting.length > 0 && this.#running < this.#concurrency) {
      const waitMs = this.#windowWaitMs();
      if (waitMs > 0) {
        this.#timer = setTimeout(() => {
          this.#timer = null;
          this.#pump();
        }, waitMs);
        return;
      }
      this.#waiting.shift()!.start();
    }
  }

  /** How long until another start fits the window (0 = now). */
  #windowWaitMs(): number {
    if (this.#starts.length < this.#rate.requests) return 0;
    const oldest = this.#starts[0]!;
    return Math.max(0, oldest + this.#rate.intervalMs - this.#now());
  }
}
