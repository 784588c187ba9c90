/**
 * Coalesces concurrent reads of a changing value without ever answering a caller with a
 * read that began before the caller asked. A call while no read is running starts one; a
 * call while one is running waits for the *next* read, which starts when the running one
 * ends and is shared by every call that arrived meanwhile. So under N concurrent callers
 * the source is read about once per read time instead of N times, and every answer is at
 * least as new as its request — the freshness gate behind the read API stays exact.
 */
export class FreshAfterArrival<T> {
  #running: Promise<T> | null = null;
  #next: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (this.#running === null) return this.#start();
    if (this.#next === null) {
      this.#next = this.#running.then(
        () => this.#startQueued(),
        () => this.#startQueued(),
      );
    }
    return this.#next;
  }

  #start(): Promise<T> {
    const running = this.read();
    this.#running = running;
    const clear = () => {
      if (this.#running === running) this.#running = null;
    };
    running.then(clear, clear);
    return running;
  }

  #startQueued(): Promise<T> {
    this.#next = null;
    this.#running = null;
    return this.#start();
  }
}
