import {
  markPackFresh,
  pipelineSteps,
  type StepBodies,
  type StepBody,
  type StepName,
} from '@truth-spine/orchestrator';
import { schema, type Database } from '@truth-spine/store';

/**
 * Test step bodies: build_pack inserts a pack row for the date (id `PK-<date>-v1`, reused
 * like a real identical pack), mark_pack_fresh calls the real freshness gate, the others
 * succeed at once — unless `overrides` replaces them. `calls` records (step, as-of) in order.
 */
export function fakeStepBodies(overrides: Partial<Record<StepName, StepBody>> = {}): {
  bodies: StepBodies;
  calls: { step: StepName; asOf: string }[];
} {
  const calls: { step: StepName; asOf: string }[] = [];
  const defaults: Record<StepName, StepBody> = {
    build_pack: async (ctx) => ({
      status: 'succeeded',
      packId: await insertPack(ctx.db, ctx.asOf),
    }),
    reconcile_ledger: async () => ({ status: 'succeeded' }),
    compute_daily_metrics: async () => ({ status: 'succeeded' }),
    prewarm_factors: async () => ({ status: 'succeeded' }),
    prewarm_ratings: async () => ({ status: 'succeeded' }),
    mark_pack_fresh: async (ctx) => {
      await markPackFresh(ctx.db, ctx.runId, ctx.clock.now());
      return { status: 'succeeded' };
    },
    evaluate_alerts: async () => ({ status: 'succeeded' }),
  };
  const bodies = Object.fromEntries(
    pipelineSteps.map((step) => {
      const body = overrides[step] ?? defaults[step];
      const recorded: StepBody = (ctx) => {
        calls.push({ step, asOf: ctx.asOf });
        return body(ctx);
      };
      return [step, recorded];
    }),
  ) as unknown as StepBodies;
  return { bodies, calls };
}

/**
 * A step body that never finishes on its own: it calls `onStarted`, then waits until the
 * run's signal is aborted (shutdown or timeout) and throws its reason.
 */
export function stepWaitingForAbort(onStarted: () => void): StepBody {
  return (ctx) =>
    new Promise((_resolve, reject) => {
      onStarted();
      const abort = () =>
        reject(
          ctx.signal.reason instanceof Error
            ? ctx.signal.reason
            : new Error(String(ctx.signal.reason)),
        );
      if (ctx.signal.aborted) abort();
      else ctx.signal.addEventListener('abort', abort, { once: true });
    });
}

async function insertPack(db: Database, asOf: string): Promise<string> {
  const id = `PK-${asOf}-v1`;
  await db.drizzle
    .insert(schema.packs)
    .values({
      id,
      asOf,
      version: 1,
      sha256: `sha-${asOf}`,
      priceCount: 0,
      fxCount: 0,
      macroCount: 0,
    })
    .onConflictDoNothing();
  return id;
}
