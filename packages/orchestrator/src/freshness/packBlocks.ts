import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '@truth-spine/store';
import { packBlocks } from '@truth-spine/store/schema';
import { pipelineSteps, type StepName } from '../pipeline/steps.js';

/** Why the gate holds a pack back: the run that failed or blocked on it, where, and why. */
export interface PackBlock {
  readonly run_id: string;
  readonly step: string;
  readonly reason: string;
}

/**
 * The steps whose failure takes the run's pack out of `fresh`: every step up to and
 * including mark_pack_fresh. A failure of evaluate_alerts (after the pack was marked fresh
 * by the same run) says nothing about the numbers and does not block the pack.
 */
export const packBlockingSteps: readonly StepName[] = pipelineSteps.slice(
  0,
  pipelineSteps.indexOf('mark_pack_fresh') + 1,
);

/**
 * Records that run `runId` failed or was blocked on `packId` at `step` — the gate reports
 * the pack `blocked` until {@link clearPackBlocks}. No-op for a step after mark_pack_fresh.
 * Call in the transaction that settles the run.
 */
export async function recordPackBlock(
  executor: Executor,
  block: { packId: string; runId: string; step: StepName; reason: string; at: Date },
): Promise<void> {
  if (!packBlockingSteps.includes(block.step)) return;
  await executor.insert(packBlocks).values({
    packId: block.packId,
    runId: block.runId,
    step: block.step,
    reason: block.reason,
    blockedAt: block.at,
  });
}

/** Closes every open block of `packId`: run `runId` has just marked the pack fresh. */
export async function clearPackBlocks(
  executor: Executor,
  packId: string,
  runId: string,
  at: Date,
): Promise<void> {
  await executor
    .update(packBlocks)
    .set({ clearedAt: at, clearedByRunId: runId })
    .where(and(eq(packBlocks.packId, packId), isNull(packBlocks.clearedAt)));
}

/** The newest open block of each of `packIds` (packs without one are absent). */
export async function openPackBlocks(
  executor: Executor,
  packIds: readonly string[],
): Promise<Map<string, PackBlock>> {
  if (packIds.length === 0) return new Map();
  const rows = await executor
    .select()
    .from(packBlocks)
    .where(and(inArray(packBlocks.packId, [...packIds]), isNull(packBlocks.clearedAt)))
    .orderBy(desc(packBlocks.blockedAt), desc(packBlocks.id));
  const open = new Map<string, PackBlock>();
  for (const row of rows) {
    if (!open.has(row.packId)) {
      open.set(row.packId, { run_id: row.runId, step: row.step, reason: row.reason });
    }
  }
  return open;
}
