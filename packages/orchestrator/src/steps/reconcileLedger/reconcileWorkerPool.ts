import { Worker } from 'node:worker_threads';
import type { PackPricingRows } from './packPricing.js';
import type { ReconcileJob, ReconcileOutcome } from './reconcilePortfolio.js';

interface Pending {
  resolve(outcome: ReconcileOutcome): void;
  reject(error: Error): void;
}

/**
 * `size` worker threads running {@link reconcilePortfolio} (ledger parsing, booking and
 * reconciliation are CPU-bound and independent per portfolio), each given the pack's
 * pricing once. Jobs go round-robin; each answer is matched to its job, so callers get
 * outcomes in the order they asked, whatever thread finished first. From the TypeScript
 * sources (tests, `tsx`) a thread registers tsx before loading the worker module; from the
 * build it loads `reconcileWorker.js` directly.
 */
export class ReconcileWorkerPool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, Pending>();
  #next = 0;
  #failure: Error | null = null;

  constructor(size: number, pricing: PackPricingRows) {
    const fromSource = import.meta.url.endsWith('.ts');
    const url = new URL(
      fromSource ? './reconcileWorker.ts' : './reconcileWorker.js',
      import.meta.url,
    );
    this.#workers = Array.from({ length: size }, () => {
      const worker = fromSource
        ? new Worker(
            `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url.href)}); })`,
            {
              eval: true,
              workerData: pricing,
              execArgv: [...process.execArgv, '--conditions=@truth-spine/source'],
            },
          )
        : new Worker(url, { workerData: pricing });
      worker.on(
        'message',
        (message: { id: number; outcome?: ReconcileOutcome; error?: string }) => {
          const pending = this.#pending.get(message.id);
          if (pending === undefined) return;
          this.#pending.delete(message.id);
          if (message.outcome !== undefined) pending.resolve(message.outcome);
          else pending.reject(new Error(`reconcile worker: ${message.error ?? 'no outcome'}`));
        },
      );
      worker.on('error', (error) => this.#fail(error));
      worker.on('exit', (code) => {
        if (this.#pending.size > 0)
          this.#fail(new Error(`reconcile worker exited with code ${code}`));
      });
      return worker;
    });
  }

  /** Reconciles `job` on the next thread. */
  run(job: ReconcileJob): Promise<ReconcileOutcome> {
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
    this.#fail(new Error('reconcile worker pool closed'));
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
