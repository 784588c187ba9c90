import {
  DeadLetterAlreadyReplayedError,
  DeadLetterNotFoundError,
  listDeadLetters,
  pipelineOptionsFromConfig,
  replayStepDeadLetter,
  type StepBodies,
  type TruthSpineConfig,
} from '@truth-spine/orchestrator';
import { type Database } from '@truth-spine/store';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import { UsageError } from '../cli/usageError.js';
import type { CliIo } from '../cli/io.js';
import { stepBodiesFor } from '../runtime/openRuntime.js';
import { exitThreeWhenBusy, withDatabase } from './dbSession.js';
import { exitCodeForRun } from './statusExitCode.js';

const usage = 'usage: dlq list [--json] [--all] | dlq replay ID';

/** Supplies the step bodies a replay runs, for the database the command opened. */
export type StepBodiesFactory = (
  config: TruthSpineConfig,
  db: Database,
  io: CliIo,
) => Promise<StepBodies>;

/**
 * `dlq list [--json] [--all]`: dead letters not yet replayed (`--all`: every one), oldest
 * first. `dlq replay ID`: replays a dead letter once — a pipeline-step letter resumes its
 * run from the failed step; exit code as for that run (0, 1, 2), 3 if another run holds
 * the lock, 1 if it was already replayed, 64 for an unknown id.
 */
export function createDlqCommand(stepBodies: StepBodiesFactory): Command {
  return {
    name: 'dlq',
    summary: 'dlq list [--json] [--all] | dlq replay ID: dead letters',
    run: (args, io) =>
      exitThreeWhenBusy(io, 'dlq', async () => {
        const [sub, ...rest] = args;
        if (sub === 'list' && rest.every((a) => a === '--json' || a === '--all')) {
          return withDatabase(io, async (db) => {
            const letters = await listDeadLetters(db, { includeReplayed: rest.includes('--all') });
            if (rest.includes('--json')) {
              io.stdout(`${JSON.stringify({ dead_letters: letters }, null, 2)}\n`);
              return ExitCode.ok;
            }
            if (letters.length === 0) io.stdout('no dead letters\n');
            for (const l of letters) {
              const replayed = l.replayedAt === null ? '' : `  replayed: ${l.replayResult ?? ''}`;
              io.stdout(
                `${l.id}  ${l.createdAt.toISOString()}  ${l.kind}  ${l.step ?? '-'}  ` +
                  `${l.asOf ?? '-'}  attempts ${l.attempts}  ${l.error}${replayed}\n`,
              );
            }
            return ExitCode.ok;
          });
        }
        if (sub === 'replay' && rest.length === 1 && /^\d+$/.test(rest[0] ?? '')) {
          const id = Number(rest[0]);
          return withDatabase(io, async (db, config) => {
            try {
              const bodies = await stepBodies(config, db, io);
              const replay = await replayStepDeadLetter(
                db,
                bodies,
                id,
                pipelineOptionsFromConfig(config),
              );
              io.stdout(`dead letter ${id}: ${replay.result}\n`);
              return exitCodeForRun(replay.outcome.report);
            } catch (error) {
              if (error instanceof DeadLetterNotFoundError) throw new UsageError(error.message);
              if (error instanceof DeadLetterAlreadyReplayedError) {
                io.stderr(`dlq: ${error.message}\n`);
                return ExitCode.failed;
              }
              throw error;
            }
          });
        }
        throw new UsageError(usage);
      }),
  };
}

/** The registered command: replays run the runner's real step bodies ({@link stepBodiesFor}). */
export const dlqCommand = createDlqCommand(async (config, _db, io) => stepBodiesFor(io, config));
