import {
  describeInputChanges,
  formatRunSummary,
  pipelineOptionsFromConfig,
  RunInProgressError,
  type PipelineOptions,
  type RunOutcome,
} from '@truth-spine/orchestrator';
import { EmbeddedDatabaseInUseError } from '@truth-spine/store';
import type { CliIo } from '../cli/io.js';
import { ExitCode, type ExitCodeValue } from '../cli/exitCodes.js';
import { deliverRunAlerts } from '../runtime/deliverRunAlerts.js';
import { openRuntime, type Runtime } from '../runtime/openRuntime.js';
import { onShutdownSignal } from '../runtime/shutdownSignal.js';
import { exitCodeForRun } from './statusExitCode.js';

/** How a pipeline command reports: the JSON run report(s) on stdout, or progress + summary. */
export interface PipelineCommandOptions {
  readonly json: boolean;
  /** Appended to "nothing to do" (nightly: how to run the date again). */
  readonly nothingToDoHint?: string;
}

/** Seconds a stuck step may ignore SIGTERM before the process exits anyway. */
const HARD_EXIT_AFTER_MS = 30_000;

/**
 * Shared body of `nightly`, `resume` and `backfill`: opens the runtime
 * ({@link openRuntime}), runs `work` with the configured pipeline options (SIGTERM/SIGINT
 * cancel the run, recorded `interrupted`), and reports. With `--json` stdout carries the
 * run report (docs/PIPELINE.md#run-records-and-reports; `backfill`: an array of them) and nothing else; without it,
 * progress lines go to stderr while steps run and the summary table to stdout. Exit code:
 * the last run's ({@link exitCodeForRun}: 0 succeeded/skipped/nothing to do, 1 failed,
 * 2 blocked at reconciliation), 3 when another run holds the lock or the embedded
 * database, 64 for bad usage or configuration (thrown UsageError).
 */
export async function runPipelineCommand(
  io: CliIo,
  options: PipelineCommandOptions,
  work: (runtime: Runtime, pipeline: PipelineOptions) => Promise<readonly RunOutcome[]>,
): Promise<ExitCodeValue> {
  let runtime: Runtime;
  try {
    runtime = await openRuntime(io);
  } catch (error) {
    if (error instanceof EmbeddedDatabaseInUseError) return anotherRun(io, error);
    throw error;
  }
  const shutdown = onShutdownSignal(HARD_EXIT_AFTER_MS);
  try {
    const pipeline: PipelineOptions = {
      ...pipelineOptionsFromConfig(runtime.config),
      logger: runtime.logger,
      signal: shutdown.signal,
      onProgress: options.json
        ? undefined
        : (p) =>
            io.stderr(
              `${p.step} ${p.status}${p.attempt > 1 ? ` (attempt ${p.attempt})` : ''}` +
                `${p.seconds === undefined ? '' : ` ${p.seconds.toFixed(3)} s`}` +
                `${p.error === undefined ? '' : `: ${p.error}`}\n`,
            ),
    };
    const outcomes = await work(runtime, pipeline);
    for (const outcome of outcomes) {
      if (outcome.ran) await deliverRunAlerts(runtime, outcome.report);
    }
    if (options.json) {
      const reports = outcomes.map((o) => o.report);
      io.stdout(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
    } else {
      for (const outcome of outcomes) {
        const changes = outcome.report.input_changes;
        if (outcome.ran && changes !== null) {
          io.stdout(
            `inputs changed since run ${changes.since_run}: ${describeInputChanges(changes)}; ran ${outcome.report.as_of} again from reconcile_ledger on its pack\n`,
          );
        }
        if (!outcome.ran) {
          io.stdout(
            `nothing to do: ${outcome.report.as_of} already ${outcome.report.status} (run ${outcome.report.run_id})${options.nothingToDoHint ?? ''}\n`,
          );
        }
        io.stdout(`${formatRunSummary(outcome.report)}\n`);
      }
    }
    const last = outcomes.at(-1);
    return last === undefined ? ExitCode.ok : exitCodeForRun(last.report);
  } catch (error) {
    if (error instanceof RunInProgressError) return anotherRun(io, error);
    throw error;
  } finally {
    shutdown.dispose();
    await runtime.close();
  }
}

function anotherRun(io: CliIo, error: Error): ExitCodeValue {
  io.stderr(`${error.message}\n`);
  return ExitCode.anotherRunInProgress;
}
