import { assertIsoDate, InvalidRunDateError, runNightly } from '@truth-spine/orchestrator';
import type { Command } from '../cli/command.js';
import { UsageError } from '../cli/usageError.js';
import { withStepBodies } from './nightlyDistributed.js';
import { runPipelineCommand } from './pipelineCommand.js';
import { loadRunnerConfig } from '../runtime/runnerConfig.js';

const usage = 'usage: nightly [--date YYYY-MM-DD] [--force] [--distributed] [--json]';

/** Parsed `nightly` arguments. */
export interface NightlyArgs {
  readonly date: string | null;
  readonly force: boolean;
  readonly json: boolean;
  /** Fan steps 3–5 out to `worker` processes (PostgreSQL only; also DISTRIBUTED=true). */
  readonly distributed: boolean;
}

/**
 * `nightly [--date D] [--force] [--distributed] [--json]`: runs the seven steps for D
 * (default: the bundled data's last day offline, else the last weekday before today in the
 * configured time zone). A date that already succeeded is a no-op that says so, unless
 * `--force`. `--distributed` (or DISTRIBUTED=true): steps 3–5 are split into batches run by
 * `worker` processes on the same PostgreSQL; this process still owns the run and its order
 * (on PGlite: exit 64). Exit codes per {@link runPipelineCommand}.
 */
export const nightlyCommand: Command = {
  name: 'nightly',
  summary: 'run the nightly pipeline for one date [--date D] [--force] [--json]',
  async run(args, io) {
    const parsed = parseNightlyArgs(args);
    const settings = loadRunnerConfig(io).workers;
    return runPipelineCommand(
      io,
      { json: parsed.json, nothingToDoHint: '; --force to run again' },
      async (runtime, pipeline) => {
        const asOf = parsed.date ?? (await runtime.nightlyDate(new Date()));
        const distributed = parsed.distributed || settings.distributed;
        return [
          await withStepBodies(runtime, distributed, settings, (bodies) =>
            runNightly(
              runtime.db,
              bodies,
              { asOf, trigger: 'manual', force: parsed.force },
              pipeline,
            ),
          ),
        ];
      },
    );
  },
};

/** Parses `nightly`'s arguments; anything unexpected is a {@link UsageError}. */
export function parseNightlyArgs(args: readonly string[]): NightlyArgs {
  let date: string | null = null;
  let force = false;
  let json = false;
  let distributed = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const next = args[i + 1];
    if (arg === '--json') json = true;
    else if (arg === '--force') force = true;
    else if (arg === '--distributed') distributed = true;
    else if (arg === '--date' && next !== undefined) {
      date = isoDateArgument(next, '--date', usage);
      i += 1;
    } else throw new UsageError(usage);
  }
  return { date, force, json, distributed };
}

/** `text` as an ISO date, or a {@link UsageError} naming the argument. */
export function isoDateArgument(text: string, what: string, usageLine: string): string {
  try {
    return assertIsoDate(text, what);
  } catch (error) {
    if (error instanceof InvalidRunDateError)
      throw new UsageError(`${error.message}\n${usageLine}`);
    throw error;
  }
}
