import { parentPort } from 'node:worker_threads';

/**
 * The thread side of {@link WorkerPool}: answers each message `{ id, job }` with
 * `{ id, outcome: handle(job) }`, or `{ id, error }` when `handle` throws — one job at a
 * time, in arrival order.
 */
export function serveJobs<Job, Outcome>(handle: (job: Job) => Outcome): void {
  const port = parentPort;
  if (port === null) throw new Error('serveJobs must run in a worker thread');
  port.on('message', (message: { id: number; job: Job }) => {
    try {
      port.postMessage({ id: message.id, outcome: handle(message.job) });
    } catch (error) {
      port.postMessage({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  });
}
