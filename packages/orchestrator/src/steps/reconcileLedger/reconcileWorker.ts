import { workerData } from 'node:worker_threads';
import { serveJobs } from '../workerThreads/serveJobs.js';
import { packPricingOf, type PackPricingRows } from './packPricing.js';
import { reconcilePortfolio, type ReconcileJob } from './reconcilePortfolio.js';

/**
 * Worker-thread module of reconcile_ledger's pool: `workerData` is the pack's pricing rows;
 * each job is answered by {@link reconcilePortfolio}.
 */
const pricing = packPricingOf(workerData as PackPricingRows);
serveJobs((job: ReconcileJob) => reconcilePortfolio(pricing, job));
