import type { Database } from '@truth-spine/store';
import { replayDeadLetter, type DeadLetter } from '../deadLetters/deadLetters.js';
import { resumeLocked, withRunLock, type PipelineOptions, type RunOutcome } from './runPipeline.js';
import type { StepBodies } from './stepBody.js';

/**
 * Replays a `pipeline_step` dead letter once: under the single-flight lock, claims the
 * letter and resumes its run from the failed step (reusing the run's pack). If the step
 * fails again the engine writes a new dead letter; this one stays replayed.
 * Throws DeadLetterAlreadyReplayedError / DeadLetterNotFoundError / RunInProgressError.
 */
export async function replayStepDeadLetter(
  db: Database,
  bodies: StepBodies,
  id: number,
  options: PipelineOptions = {},
): Promise<{ letter: DeadLetter; result: string; outcome: RunOutcome }> {
  return withRunLock(db, options, async () => {
    let outcome: RunOutcome | null = null;
    const { letter, result } = await replayDeadLetter(
      db,
      id,
      async (claimed) => {
        if (claimed.kind !== 'pipeline_step' || claimed.runId === null) {
          throw new Error(`dead letter ${id} is a ${claimed.kind}, not a pipeline step`);
        }
        outcome = await resumeLocked(db, bodies, claimed.runId, options);
        return `run ${claimed.runId}: ${outcome.report.status}`;
      },
      (options.clock?.now ?? (() => new Date()))(),
    );
    if (outcome === null) throw new Error(`dead letter ${id}: the replay did not run`);
    return { letter, result, outcome };
  });
}
