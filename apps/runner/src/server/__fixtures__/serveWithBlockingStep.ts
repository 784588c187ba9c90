/**
 * A real `serve` process (the command's code, the process's SIGTERM/SIGINT) whose step
 * bodies are the test fakes, with compute_daily_metrics waiting until the run is aborted.
 * It prints STEP_STARTED on stderr when that step begins. Used by serve.test.ts.
 */
import { openDatabase } from '@truth-spine/store';
import { processIo } from '../../cli/io.js';
import { serve } from '../../commands/serve.js';
import { createLogger } from '../../logging/createLogger.js';
import { marketSources } from '../../runtime/marketSources.js';
import { loadRunnerConfig } from '../../runtime/runnerConfig.js';
import { onShutdownSignal } from '../../runtime/shutdownSignal.js';
import { fakeStepBodies, stepWaitingForAbort } from '../testing/fakeStepBodies.js';

const io = processIo();
const shutdown = onShutdownSignal(30_000);
const { bodies } = fakeStepBodies({
  compute_daily_metrics: stepWaitingForAbort(() => io.stderr('STEP_STARTED\n')),
});
process.exitCode = await serve([], io, {
  shutdown: shutdown.signal,
  open: async () => {
    const config = loadRunnerConfig(io);
    const db = await openDatabase(config.databaseUrl, { cwd: io.cwd });
    const logger = createLogger(io.stderr);
    const deps = {
      config,
      market: marketSources(config).market,
      fallback: null,
      ledgerDir: config.ledgerDir,
      booksDir: config.booksDir,
      logger,
    };
    return {
      config,
      db,
      deps,
      bodies,
      logger,
      nightlyDate: async () => '2024-03-08',
      close: () => db.close(),
    };
  },
});
shutdown.dispose();
