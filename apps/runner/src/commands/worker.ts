import { distributed } from '@truth-spine/orchestrator';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import { UsageError } from '../cli/usageError.js';
import { openRuntime } from '../runtime/openRuntime.js';
import { onShutdownSignal } from '../runtime/shutdownSignal.js';
import { loadRunnerConfig } from '../runtime/runnerConfig.js';

const usage = 'usage: worker [--concurrency N]';

/** Seconds running batches get to finish after SIGTERM before the process exits anyway. */
const HARD_EXIT_AFTER_MS = 60_000;

/**
 * `worker [--concurrency N]`: consumes the batch jobs of steps 3–5 (compute_daily_metrics,
 * prewarm_factors, prewarm_ratings) that a `nightly --distributed` coordinator enqueues on
 * DATABASE_URL's PostgreSQL, with the same configuration as the runner (books, ledgers,
 * market data). Runs until SIGTERM/SIGINT, then lets running batches finish and exits 0.
 * `--concurrency` (or WORKER_CONCURRENCY, default 1) batches at once. On the embedded PGlite
 * store: exit 64.
 */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'run batches of steps 3–5 for distributed nights (PostgreSQL) [--concurrency N]',
  async run(args, io) {
    const settings = loadRunnerConfig(io).workers;
    let concurrency = settings.concurrency;
    for (let i = 0; i < args.length; i += 1) {
      if (args[i] === '--concurrency' && /^[1-9]\d*$/.test(args[i + 1] ?? '')) {
        concurrency = Number(args[++i]);
      } else throw new UsageError(usage);
    }
    const runtime = await openRuntime(io);
    const shutdown = onShutdownSignal(HARD_EXIT_AFTER_MS);
    try {
      let queue: distributed.BatchQueue;
      try {
        queue = await distributed.openBatchQueue(
          runtime.db,
          runtime.config.databaseUrl,
          settings.queue,
        );
      } catch (error) {
        if (error instanceof distributed.DistributedNeedsPostgresError) {
          throw new UsageError(error.message);
        }
        throw error;
      }
      const works = distributed.batchedStepWorks(runtime.deps);
      const pause = settings.drillPauseMs;
      const worker = await distributed.startBatchWorker({
        db: runtime.db,
        queue,
        works,
        logger: runtime.logger,
        concurrency,
        ...(pause > 0 ? { beforeBatch: () => new Promise<void>((r) => setTimeout(r, pause)) } : {}),
      });
      io.stderr(`worker ${worker.workerId} waiting for batches (concurrency ${concurrency})\n`);
      await new Promise<void>((resolve) =>
        shutdown.signal.addEventListener('abort', () => resolve(), { once: true }),
      );
      io.stderr(`worker ${worker.workerId} stopping\n`);
      await worker.stop(HARD_EXIT_AFTER_MS / 2);
      return ExitCode.ok;
    } finally {
      shutdown.dispose();
      await runtime.close();
    }
  },
};
