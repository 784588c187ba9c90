import { serveJobs } from '../workerThreads/serveJobs.js';
import { closedLots } from './closedLots.js';
import { tradingLotRows } from './tradingLotRows.js';
import type { TradingLotsJob } from './tradingLotsOf.js';

/** Worker-thread module of compute_daily_metrics: each job is answered by `tradingLotRows`. */
serveJobs((job: TradingLotsJob) =>
  tradingLotRows(closedLots(job.ledgerDir, job.portfolioId, job.asOf), job.asOf, job.inception),
);
