import { parentPort, workerData } from 'node:worker_threads';
import { packPricingOf, type PackPricingRows } from './packPricing.js';
import { reconcilePortfolio, type ReconcileJob } from './reconcilePortfolio.js';

/**
 * Worker-thread entry of {@link ReconcileWorkerPool}: `workerData` is the pack's pricing
 * rows; each message `{ id, job }` is answered `{ id, outcome }` (or `{ id, error }`) by
 * {@link reconcilePortfolio}, one job at a time.
 */
const pricing = packPricingOf(workerData as PackPricingRows);
const port = parentPort;
if (port === null) throw new Error('reconcileWorker must run in a worker thread');
port.on('message', (message: { id: number; job: ReconcileJob }) => {
  try {
    port.postMessage({ id: message.id, outcome: reconcilePortfolio(pricing, message.job) });
  } catch (error) {
    port.postMessage({
      id: message.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
