import { resumeRun, RunNotFoundError } from '@truth-spine/orchestrator';
import type { Command } from '../cli/command.js';
import { UsageError } from '../cli/usageError.js';
import { withStepBodies } from './nightlyDistributed.js';
import { runPipelineCommand } from './pipelineCommand.js';
import { loadRunnerConfig } from '../runtime/runnerConfig.js';

const usage = 'usage: resume RUN_ID [--distributed] [--json]';

/**
 * `resume RUN_ID [--distributed] [--json]`: continues the run from its first unfinished
 * step, reusing its pack (after a failure, a fixed block or a killed process). A run that
 * already succeeded is a no-op. An unknown run id is a usage error (64). `--distributed`
 * (or DISTRIBUTED=true): steps 3–5 by `worker` processes; a step interrupted half-way keeps
 * its done batches and only its outstanding (and failed) batches run again.
 */
export const resumeCommand: Command = {
  name: 'resume',
  summary: 'continue a run from its first unfinished step RUN_ID [--json]',
  async run(args, io) {
    const json = args.includes('--json');
    const settings = loadRunnerConfig(io).workers;
    const distributed = args.includes('--distributed') || settings.distributed;
    const rest = args.filter((a) => a !== '--json' && a !== '--distributed');
    const runId = rest[0];
    if (rest.length !== 1 || runId === undefined || runId.startsWith('-'))
      throw new UsageError(usage);
    return runPipelineCommand(io, { json }, async (runtime, pipeline) => {
      try {
        return [
          await withStepBodies(runtime, distributed, settings, (bodies) =>
            resumeRun(runtime.db, bodies, runId, pipeline),
          ),
        ];
      } catch (error) {
        if (error instanceof RunNotFoundError) throw new UsageError(error.message);
        throw error;
      }
    });
  },
};
