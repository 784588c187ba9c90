import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

interface Pending<Outcome> {
  resolve(outcome: Outcome): void;
  reject(error: Error): void;
}

/** Jobs in one batch below which threads cost more than they save. */
export const MIN_JOBS_FOR_WORKERS = 200;

/**
 * Threads for a batch of `jobs` CPU-bound jobs: none for a small batch, else one per CPU
 * (at most 4; the database and the writes stay on the main thread).
 */
export function workersFor(jobs: number): number {
  return jobs < MIN_JOBS_FOR_WORKERS ? 0 : Math.min(4, availableParallelism());
}

/**
 * `size` worker threads running the module `moduleUrl` (which calls {@link serveJobs}),
 * each given `workerData` once. Jobs go round-robin; each answer is matched to its job, so
 * callers get every outcome of the job they asked for, whatever thread finished first.
 * `moduleUrl` is the worker module's `.js` URL next to the caller; from the TypeScript
 * sources (tests, `tsx`) the `.ts` module is loaded after registering tsx in the thread.
 */
export class WorkerPool<Job, Outcome> {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, Pending<Outcome>>();
  #next = 0;
  #failure: Error | null = null;

  constructor(size: number, moduleUrl: URL, workerData: unknown) {
    const fromSource = import.meta.url.endsWith('.ts');
    const url = fromSource ? new URL(moduleUrl.href.replace(/\.js$/, '.ts')) : moduleUrl;
    this.#workers = Array.from({ length: size }, () => {
      const worker = fromSource
        ? new Worker(
            `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url.href)}); })`,
            {
              eval: true,
              workerData,
              execArgv: [...process.execArgv, '--conditions=@truth-spine/source'],
            },
          )
        : new Worker(url, { workerData });
      worker.on('message', (message: { id: number; outcome?: Outcome; error?: string }) => {
        const pending = this.#pending.get(message.id);
        if (pending === undefined) return;
        this.#pending.delete(message.id);
        if (message.error === undefined) pending.resolve(message.outcome as Outcome);
        else pending.reject(new Error(`worker thread ${url.pathname}: ${message.error}`));
      });
      worker.on('error', (error) => this.#fail(error));
      worker.on('exit', (code) => {
        if (this.#pending.size > 0)
          this.#fail(new Error(`worker thread ${url.pathname} exited with code ${code}`));
      });
      return worker;
    });
  }

  /** Runs `job` on the next thread. */
  run(job: Job): Promise<Outcome> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    const id = this.#next++;
    const worker = this.#workers[id % this.#workers.length]!;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  /** Stops every thread (pending jobs are rejected). */
  async close(): Promise<void> {
    this.#fail(new Error('worker pool closed'));
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
