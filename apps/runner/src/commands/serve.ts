import { deliverRunAlerts } from '../runtime/deliverRunAlerts.js';
import { distributed, pipelineOptionsFromConfig, readStoreHealth } from '@truth-spine/orchestrator';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import type { CliIo } from '../cli/io.js';
import { UsageError } from '../cli/usageError.js';
import { openRuntime, type Runtime, type RuntimeOptions } from '../runtime/openRuntime.js';
import { onShutdownSignal } from '../runtime/shutdownSignal.js';
import { loadRunnerConfig } from '../runtime/runnerConfig.js';
import { startHttpServer } from '../server/httpServer.js';
import { NightlyScheduler } from '../server/nightlyScheduler.js';
import { PipelineMetrics } from '../server/pipelineMetrics.js';
import { createWeb } from '../web/webHandler.js';
import { webSettings } from '../web/webSettings.js';
import { coordinatorBodies, openCoordinatorQueue } from './nightlyDistributed.js';

/** The parts of a {@link Runtime} `serve` uses (tests hand in fake step bodies). */
export type ServeRuntime = Pick<
  Runtime,
  'config' | 'db' | 'deps' | 'bodies' | 'logger' | 'nightlyDate' | 'close'
>;

/** Where `serve` gets its runtime and its shutdown request. */
export interface ServeEnvironment {
  open(io: CliIo, options: RuntimeOptions): Promise<ServeRuntime>;
  /** Aborted when the service must stop (SIGTERM/SIGINT in a real process). */
  readonly shutdown: AbortSignal;
  /** Called once the HTTP server listens (tests read the port). */
  onListening?(port: number): void;
}

/**
 * `serve`: the long-running service (docs/PIPELINE.md, docs/OPERATIONS.md). Opens the runtime, starts the HTTP
 * endpoints (`/health/pack`, `/metrics`), catches up missed dates, then runs the pipeline
 * on SCHEDULE_CRON in SCHEDULE_TIMEZONE with overrun protection, until `shutdown` fires:
 * then it stops the schedule, interrupts the current run (recorded `interrupted`, resumable
 * with `resume`), waits up to SHUTDOWN_GRACE_SECONDS for it to settle, and closes the HTTP
 * server and the store. Exit 0 after a clean stop, 1 when the run did not settle in time.
 */
export async function serve(
  args: readonly string[],
  io: CliIo,
  env: ServeEnvironment,
): Promise<number> {
  if (args.length > 0) throw new UsageError(`serve takes no arguments (got ${args.join(' ')})`);
  const runnerConfig = loadRunnerConfig(io);
  const settings = runnerConfig.serve;
  const access = webSettings(runnerConfig.checked);
  const metrics = new PipelineMetrics();
  const runtime = await env.open(io, {
    onProviderCall: (call) => metrics.observeProviderCall(call),
  });
  const { config, db, logger } = runtime;
  metrics.watchBatches(() => distributed.distributedSnapshot(db, new Date()));
  metrics.watchStore(() => readStoreHealth(db));
  if (db.kind === 'pglite') {
    logger.warn(
      { database: db.description },
      'serving on embedded PGlite: not for production (no fsync, one process) — set DATABASE_URL to PostgreSQL',
    );
  }
  // On PGlite no other process can write the store, so the pages may keep the gate's answer
  // between this process's own runs (the scheduler's step events below switch it off).
  const web = createWeb({
    db,
    accessToken: access.accessToken,
    deadlines: { packMinutes: config.packDeadlineMinutes, runMinutes: config.runDeadlineMinutes },
    memoizeGate: db.kind === 'pglite',
  });
  const http = await startHttpServer({
    db,
    metrics,
    logger,
    host: settings.host,
    port: settings.port,
    web: web.handle,
  }).catch(async (error: unknown) => {
    await runtime.close();
    throw error;
  });
  logger.info(
    { host: settings.host, port: http.port },
    'HTTP endpoints listening: /health/pack, /metrics',
  );
  env.onListening?.(http.port);

  // DISTRIBUTED=true: steps 3–5 by `worker` processes (PostgreSQL only, else exit 64).
  const distributedSettings = runnerConfig.workers;
  const queue = distributedSettings.distributed
    ? await openCoordinatorQueue(runtime, distributedSettings).catch(async (error: unknown) => {
        await http.close();
        await runtime.close();
        throw error;
      })
    : null;
  const scheduler = new NightlyScheduler({
    db,
    bodies:
      queue === null ? runtime.bodies : coordinatorBodies(runtime, queue, distributedSettings),
    pipeline: pipelineOptionsFromConfig(config),
    logger,
    nightlyDate: (now) => runtime.nightlyDate(now),
    catchUpMaxDays: config.catchUpMaxDays,
    signal: env.shutdown,
    onProgress: (progress) => {
      web.gate.pipelineActive();
      metrics.observeStep(progress);
    },
    onRunFinished: (report) => {
      web.gate.pipelineSettled();
      metrics.observeRun(report);
      void deliverRunAlerts(runtime, report);
      logger.info(
        {
          runId: report.run_id,
          asOf: report.as_of,
          status: report.status,
          blockedAt: report.blocked_at,
        },
        'run finished',
      );
    },
  });
  if (!env.shutdown.aborted) {
    scheduler.catchUp().catch((error: unknown) => logger.error({ err: error }, 'catch-up failed'));
    scheduler.start(config.scheduleCron, config.scheduleTimezone);
    await new Promise<void>((resolve) =>
      env.shutdown.addEventListener('abort', () => resolve(), { once: true }),
    );
  }

  logger.info(
    { reason: String(env.shutdown.reason) },
    'shutting down: schedule stopped, current run interrupted',
  );
  const settled = await Promise.race([
    scheduler.stop().then(() => true),
    delay(settings.shutdownGraceMs).then(() => false),
  ]);
  if (!settled)
    logger.error({ graceMs: settings.shutdownGraceMs }, 'the current run did not settle in time');
  await queue?.stop(5_000);
  await http.close();
  await runtime.close();
  logger.info({}, 'stopped');
  return settled ? ExitCode.ok : ExitCode.failed;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Hard exit this long after the first signal if shutdown hangs: the grace plus 10 s. */
const hardExitMarginMs = 10_000;

/** The `serve` command: the real runtime and the process's SIGTERM/SIGINT. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the nightly pipeline on its schedule with /health/pack and /metrics',
  run: async (args, io) => {
    const shutdown = onShutdownSignal(
      loadRunnerConfig(io).serve.shutdownGraceMs + hardExitMarginMs,
    );
    try {
      return await serve(args, io, { open: openRuntime, shutdown: shutdown.signal });
    } finally {
      shutdown.dispose();
    }
  },
};
