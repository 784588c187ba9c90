import { resumeRun, RunNotFoundError } from '@truth-spine/orchestrator';
import type { Command } from '../cli/command.js';
import { UsageError } from '../cli/usageError.js';
import { runPipelineCommand } from './pipelineCommand.js';

const usage = 'usage: resume RUN_ID [--json]';

/**
 * `resume RUN_ID [--json]`: continues the run from its first unfinished step, reusing
 * its pack (after a failure, a fixed block or a killed process). A run that already
 * succeeded is a no-op. An unknown run id is a usage error (64).
 */
export const resumeCommand: Command = {
  name: 'resume',
  summary: 'continue a run from its first unfinished step RUN_ID [--json]',
  async run(args, io) {
    const json = args.includes('--json');
    const rest = args.filter((a) => a !== '--json');
    const runId = rest[0];
    if (rest.length !== 1 || runId === undefined || runId.startsWith('-'))
      throw new UsageError(usage);
    return runPipelineCommand(io, { json }, async (runtime, pipeline) => {
      try {
        return [await resumeRun(runtime.db, runtime.bodies, runId, pipeline)];
      } catch (error) {
        if (error instanceof RunNotFoundError) throw new UsageError(error.message);
        throw error;
      }
    });
  },
};
