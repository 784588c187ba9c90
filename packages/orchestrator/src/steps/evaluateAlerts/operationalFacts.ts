import type { DeadlineFacts, OperationalFacts } from '@truth-spine/alerts';
import type { Database } from '@truth-spine/store';
import { getLatestFreshPack } from '../../freshness/freshness.js';
import { loadRunSteps, type RunRow } from '../../pipeline/runStore.js';

/** The deadlines of a run in minutes after its scheduled start (PACK_/RUN_DEADLINE_MINUTES). */
export interface DeadlineLimits {
  readonly packMinutes: number;
  readonly runMinutes: number;
}

/**
 * The operational facts of `run` at `now`:
 * - `blockedRun`: after the run (`stage: 'after_run'`), the run when it ended `blocked` or
 *   `failed` (`failedStep` = runs.blocked_at, error = runs.error); during the run (step 7
 *   runs only when nothing failed) null;
 * - `deadlines`: `pack_built` (missed = runs.pack_deadline_missed; actual = build_pack's end
 *   − scheduled start, s) and, after the run, `run_finished` (runs.run_deadline_missed;
 *   actual = finished − scheduled start, s; null while not finished);
 * - `latestFreshPack`: the newest fresh pack (getLatestFreshPack), null when none.
 */
export async function operationalFacts(
  db: Database,
  run: RunRow,
  limits: DeadlineLimits,
  now: Date,
  stage: 'during_run' | 'after_run',
): Promise<OperationalFacts> {
  const [steps, fresh] = await Promise.all([
    loadRunSteps(db.drizzle, run.id),
    getLatestFreshPack(db),
  ]);
  const secondsSinceSchedule = (at: Date | null | undefined) =>
    at === null || at === undefined
      ? null
      : Math.round((at.getTime() - run.scheduledAt.getTime()) / 1000);
  const deadlines: DeadlineFacts[] = [
    {
      name: 'pack_built',
      missed: run.packDeadlineMissed,
      limitSeconds: limits.packMinutes * 60,
      actualSeconds: secondsSinceSchedule(steps.find((s) => s.step === 'build_pack')?.finishedAt),
    },
  ];
  if (stage === 'after_run') {
    deadlines.push({
      name: 'run_finished',
      missed: run.runDeadlineMissed,
      limitSeconds: limits.runMinutes * 60,
      actualSeconds: secondsSinceSchedule(run.finishedAt),
    });
  }
  const stopped = stage === 'after_run' && (run.status === 'blocked' || run.status === 'failed');
  return {
    now: now.toISOString(),
    blockedRun: stopped
      ? {
          runId: run.id,
          failedStep: run.blockedAt ?? 'unknown step',
          error: run.error ?? `run ${run.status}`,
        }
      : null,
    deadlines,
    latestFreshPack:
      fresh === null || fresh.fresh_at === null
        ? null
        : { packId: fresh.pack_id, asOf: fresh.as_of, freshAt: fresh.fresh_at },
  };
}
