import type { Freshness } from '@truth-spine/orchestrator';
import { FreshAfterArrival } from './freshAfterArrival.js';

/**
 * How the pages and the API read the freshness gate. Every read goes through
 * {@link FreshAfterArrival} (concurrent requests share a read that began after they
 * arrived). With `memoize` — allowed only when this process is the store's sole writer,
 * i.e. on the embedded database, whose directory lock keeps every other process out — the
 * answer is also kept between reads: the gate can then change only through this process's
 * own pipeline runs, and {@link pipelineActive} (any step event) switches the memo off
 * until {@link pipelineSettled} (the run's end), each of which also drops it. A run that
 * never reports its end leaves the memo off: slower, never stale.
 */
export class GateView {
  readonly #reads: FreshAfterArrival<Freshness | null>;
  #memo: Promise<Freshness | null> | null = null;
  #active = false;

  constructor(
    read: () => Promise<Freshness | null>,
    private readonly memoize: boolean,
  ) {
    this.#reads = new FreshAfterArrival(read);
  }

  get(): Promise<Freshness | null> {
    if (this.#memo !== null) return this.#memo;
    const answer = this.#reads.get();
    if (this.memoize && !this.#active) {
      this.#memo = answer;
      answer.catch(() => {
        if (this.#memo === answer) this.#memo = null;
      });
    }
    return answer;
  }

  /** A step of this process's pipeline started, retried or ended: read the gate every time. */
  pipelineActive(): void {
    this.#active = true;
    this.#memo = null;
  }

  /** This process's run ended (its writes are done): the next read may be kept again. */
  pipelineSettled(): void {
    this.#active = false;
    this.#memo = null;
  }
}
