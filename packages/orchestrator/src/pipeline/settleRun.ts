import type { Database } from '@truth-spine/store';
import type { StepProgress } from './executeStep.js';
import { recordPackBlock } from '../freshness/packBlocks.js';
import { recordOperationalAlert } from './operationalAlert.js';
import { updateRun, updateRunStep, type RunRow } from './runStore.js';
import { pipelineSteps, stepRow, type StepName } from './steps.js';

/** Every step after `step` in the fixed order. */
function stepsAfter(step: StepName): readonly StepName[] {
  return pipelineSteps.slice(pipelineSteps.indexOf(step) + 1);
}

/** The run is done: every step succeeded. */
export async function settleSucceeded(db: Database, run: RunRow, now: Date): Promise<void> {
  await updateRun(db.drizzle, run.id, { status: 'succeeded', finishedAt: now });
}

/** The skippable step skipped the date (non-trading day): later steps and the run are `skipped`. */
export async function settleSkipped(
  db: Database,
  run: RunRow,
  step: StepName,
  reason: string,
  now: Date,
): Promise<void> {
  for (const next of stepsAfter(step)) {
    await updateRunStep(db.drizzle, run.id, next, {
      status: 'skipped',
      details: { reason: `${step} skipped: ${reason}` },
    });
  }
  await updateRun(db.drizzle, run.id, { status: 'skipped', finishedAt: now });
}

/** The run was cancelled during `step`: `interrupted`, later steps stay pending for a resume. */
export async function settleInterrupted(
  db: Database,
  run: RunRow,
  step: StepName,
  error: string,
  now: Date,
): Promise<void> {
  await updateRun(db.drizzle, run.id, {
    status: 'interrupted',
    error: `cancelled during ${step}: ${error}`,
    finishedAt: now,
  });
}

/**
 * `step` failed: every later step is `blocked` by it, and the run is `blocked` (the
 * critical reconciliation step — a person must act) or `failed`, with a critical
 * `run_blocked` / `run_failed` alert event in the same transaction. When the run has a
 * pack and stopped before marking it fresh, the pack is recorded blocked by this run (the
 * gate then reports it `blocked` — even one that an earlier run had made fresh).
 */
export async function settleStopped(
  db: Database,
  run: RunRow,
  step: StepName,
  error: string,
  now: Date,
  onProgress?: (progress: StepProgress) => void,
): Promise<void> {
  const later = stepsAfter(step);
  for (const next of later) {
    await updateRunStep(db.drizzle, run.id, next, {
      status: 'blocked',
      blockedBy: step,
      details: { blocked_by: step },
    });
    onProgress?.({ runId: run.id, step: next, status: 'blocked', attempt: 0 });
  }
  const { critical } = stepRow(step);
  await db.drizzle.transaction(async (tx) => {
    await updateRun(tx, run.id, {
      status: critical ? 'blocked' : 'failed',
      blockedAt: step,
      error,
      finishedAt: now,
    });
    if (run.packId !== null) {
      await recordPackBlock(tx, {
        packId: run.packId,
        runId: run.id,
        step,
        reason: error,
        at: now,
      });
    }
    await recordOperationalAlert(tx, {
      kind: critical ? 'run_blocked' : 'run_failed',
      severity: 'critical',
      runId: run.id,
      asOf: run.asOf,
      packId: run.packId,
      at: now,
      message: critical
        ? `run for ${run.asOf} BLOCKED at ${step}: ${error}; the pack is not served (blocked) until a person acts`
        : `run for ${run.asOf} failed at ${step}: ${error}`,
      details: { step, error, blocked: later },
    });
  });
}
