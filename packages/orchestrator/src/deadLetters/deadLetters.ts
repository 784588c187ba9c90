import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database, Executor } from '@truth-spine/store';
import { deadLetters } from '@truth-spine/store/schema';
import type { JsonValue } from '../pipeline/stepBody.js';

/** A dead letter as stored. */
export type DeadLetter = typeof deadLetters.$inferSelect;

/** What a new dead letter records: enough context to replay the failed work. */
export interface NewDeadLetter {
  /** What failed, e.g. `pipeline_step` or `alert_delivery`; selects the replayer. */
  readonly kind: string;
  readonly runId: string | null;
  readonly step: string | null;
  readonly asOf: string | null;
  readonly packId: string | null;
  readonly payload: { readonly [key: string]: JsonValue };
  readonly error: string;
  readonly attempts: number;
  readonly at: Date;
}

/** Writes a dead letter; returns its id. */
export async function recordDeadLetter(executor: Executor, letter: NewDeadLetter): Promise<number> {
  const [row] = await executor
    .insert(deadLetters)
    .values({
      kind: letter.kind,
      runId: letter.runId,
      step: letter.step,
      asOf: letter.asOf,
      packId: letter.packId,
      payload: letter.payload,
      error: letter.error,
      attempts: letter.attempts,
      createdAt: letter.at,
    })
    .returning({ id: deadLetters.id });
  if (row === undefined) throw new Error('dead letter insert returned no id');
  return row.id;
}

/** Dead letters oldest first; only those not yet replayed unless `includeReplayed`. */
export async function listDeadLetters(
  db: Database,
  options: { includeReplayed?: boolean } = {},
): Promise<DeadLetter[]> {
  const query = db.drizzle.select().from(deadLetters);
  const filtered = options.includeReplayed ? query : query.where(isNull(deadLetters.replayedAt));
  return filtered.orderBy(asc(deadLetters.id));
}

/**
 * Replays dead letter `id` exactly once: claims it atomically (sets replayed_at where it
 * was null), then calls `replay` and stores the text it returns (or the error it threw)
 * as replay_result. A second call throws {@link DeadLetterAlreadyReplayedError}, even
 * when two replays race. If the replay fails again, the replayer is expected to have
 * written a new dead letter (the pipeline engine does).
 */
export async function replayDeadLetter(
  db: Database,
  id: number,
  replay: (letter: DeadLetter) => Promise<string>,
  now: Date = new Date(),
): Promise<{ letter: DeadLetter; result: string }> {
  const [claimed] = await db.drizzle
    .update(deadLetters)
    .set({ replayedAt: now, replayResult: 'replaying' })
    .where(and(eq(deadLetters.id, id), isNull(deadLetters.replayedAt)))
    .returning();
  if (claimed === undefined) {
    const [existing] = await db.drizzle.select().from(deadLetters).where(eq(deadLetters.id, id));
    if (existing === undefined) throw new DeadLetterNotFoundError(id);
    throw new DeadLetterAlreadyReplayedError(id, existing.replayedAt);
  }
  let result: string;
  try {
    result = await replay(claimed);
  } catch (error) {
    result = `replay failed: ${error instanceof Error ? error.message : String(error)}`;
    await storeResult(db.drizzle, id, result);
    throw error;
  }
  await storeResult(db.drizzle, id, result);
  return { letter: claimed, result };
}

async function storeResult(executor: Executor, id: number, result: string): Promise<void> {
  await executor.update(deadLetters).set({ replayResult: result }).where(eq(deadLetters.id, id));
}

/** No dead letter has this id. */
export class DeadLetterNotFoundError extends Error {
  readonly code = 'dead_letter_not_found' as const;
  constructor(readonly id: number) {
    super(`no dead letter with id ${id}`);
    this.name = 'DeadLetterNotFoundError';
  }
}

/** The dead letter was replayed already; it never replays twice. */
export class DeadLetterAlreadyReplayedError extends Error {
  readonly code = 'dead_letter_already_replayed' as const;
  constructor(
    readonly id: number,
    replayedAt: Date | null,
  ) {
    super(`dead letter ${id} was already replayed at ${replayedAt?.toISOString() ?? '?'}`);
    this.name = 'DeadLetterAlreadyReplayedError';
  }
}
