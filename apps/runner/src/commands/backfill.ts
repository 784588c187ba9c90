import { backfill } from '@truth-spine/orchestrator';
import type { Command } from '../cli/command.js';
import { UsageError } from '../cli/usageError.js';
import { isoDateArgument } from './nightly.js';
import { runPipelineCommand } from './pipelineCommand.js';

const usage = 'usage: backfill FROM TO [--json]';

/**
 * `backfill FROM TO [--json]`: runs every date from FROM to TO in order (non-trading
 * days come back skipped, dates that already succeeded are no-ops), stopping after the
 * first failed or blocked date. `--json` prints the array of run reports; the exit code
 * is the last run's.
 */
export const backfillCommand: Command = {
  name: 'backfill',
  summary: 'run every date FROM..TO in order, stopping at the first failure [--json]',
  async run(args, io) {
    const json = args.includes('--json');
    const rest = args.filter((a) => a !== '--json');
    const [fromText, toText, ...extra] = rest;
    if (fromText === undefined || toText === undefined || extra.length > 0)
      throw new UsageError(usage);
    const from = isoDateArgument(fromText, 'FROM', usage);
    const to = isoDateArgument(toText, 'TO', usage);
    if (from > to) throw new UsageError(`FROM ${from} is after TO ${to}\n${usage}`);
    return runPipelineCommand(io, { json }, (runtime, pipeline) =>
      backfill(runtime.db, runtime.bodies, { from, to }, pipeline),
    );
  },
};
