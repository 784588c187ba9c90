import type { Database } from '@truth-spine/store';
import type { Clock } from './clock.js';
import type { PipelineLogger } from './logger.js';
import { recordOperationalAlert, type OperationalAlert } from './operationalAlert.js';
import { updateRun } from './runStore.js';

/** Watches one deadline of one run. */
export interface DeadlineWatch {
  /** Records the miss now if the deadline has passed (idempotent). */
  check(): Promise<void>;
  /** Stops the timer; the deadline is no longer watched. */
  stop(): void;
}

/**
 * Watches `deadline` for run `runId`: a miss is recorded on the run (`pack_deadline_missed`
 * or `run_deadline_missed`) together with a warning alert event, at most once — either by
 * {@link DeadlineWatch.check} at a step boundary or by a timer that reads `clock` every
 * `pollMs` while steps run, so the alert goes out on time even if a step hangs. It never
 * aborts anything, and its timer does not keep the process alive.
 */
export function watchDeadline(watch: {
  readonly db: Database;
  readonly clock: Clock;
  readonly logger: PipelineLogger;
  readonly runId: string;
  readonly which: 'pack' | 'run';
  readonly deadline: Date;
  readonly alreadyMissed: boolean;
  /** How often the clock is read while steps run. */
  readonly pollMs: number;
  readonly alert: () => OperationalAlert;
}): DeadlineWatch {
  let missed = watch.alreadyMissed;
  const check = async (): Promise<void> => {
    if (missed || watch.clock.now() <= watch.deadline) return;
    missed = true;
    await watch.db.drizzle.transaction(async (tx) => {
      await updateRun(
        tx,
        watch.runId,
        watch.which === 'pack' ? { packDeadlineMissed: true } : { runDeadlineMissed: true },
      );
      await recordOperationalAlert(tx, watch.alert());
    });
    watch.logger.warn(
      { runId: watch.runId, deadline: watch.deadline },
      `${watch.which} deadline missed`,
    );
  };
  const timer = missed
    ? null
    : setInterval(() => {
        check().catch((error: unknown) =>
          watch.logger.error(
            { runId: watch.runId, error: String(error) },
            'recording a deadline miss failed',
          ),
        );
      }, watch.pollMs);
  timer?.unref();
  return {
    check,
    stop: () => {
      if (timer !== null) clearInterval(timer);
    },
  };
}
