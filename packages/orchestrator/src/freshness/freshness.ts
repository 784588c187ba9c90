import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { packs, runSteps, runs } from '../db/schema.js';
import { freshnessPrerequisites } from '../pipeline/steps.js';

/** What the freshness gate reports (docs/PIPELINE.md#the-freshness-gate; the runner's `GET /health/pack`). */
export interface Freshness {
  readonly pack_id: string;
  readonly as_of: string;
  readonly status: 'warming' | 'fresh' | 'superseded';
  readonly hash: string;
  readonly fresh_at: string | null;
}

/**
 * The latest pack — newest as-of date, highest version — or null when no pack exists.
 * Consumers must not serve numbers from it unless `status` is `fresh`.
 */
export async function getFreshness(db: Database): Promise<Freshness | null> {
  const [pack] = await db.drizzle
    .select()
    .from(packs)
    .orderBy(desc(packs.asOf), desc(packs.version))
    .limit(1);
  return pack === undefined ? null : freshnessOf(pack);
}

function freshnessOf(pack: typeof packs.$inferSelect): Freshness {
  return {
    pack_id: pack.id,
    as_of: pack.asOf,
    status: pack.status,
    hash: pack.sha256,
    fresh_at: pack.freshAt?.toISOString() ?? null,
  };
}

/**
 * The newest pack that is fresh (null if none): what a consumer may serve while the
 * latest pack is still warming or was blocked.
 */
export async function getLatestFreshPack(db: Database): Promise<Freshness | null> {
  const [pack] = await db.drizzle
    .select()
    .from(packs)
    .where(eq(packs.status, 'fresh'))
    .orderBy(desc(packs.asOf), desc(packs.version))
    .limit(1);
  return pack === undefined ? null : freshnessOf(pack);
}

/** True only when a latest pack exists and is fresh. */
export async function isLatestPackFresh(db: Database): Promise<boolean> {
  return (await getFreshness(db))?.status === 'fresh';
}

/**
 * Flips the pack of run `runId` from warming to fresh at `at` — only when that run's
 * compute_daily_metrics, prewarm_factors and prewarm_ratings all succeeded; otherwise
 * throws {@link PackNotReadyError}. Idempotent for a pack that is already fresh (resume).
 * Returns the pack id.
 */
export async function markPackFresh(db: Database, runId: string, at: Date): Promise<string> {
  const [run] = await db.drizzle.select().from(runs).where(eq(runs.id, runId));
  if (run === undefined) throw new PackNotReadyError(runId, 'no such run');
  if (run.packId === null) throw new PackNotReadyError(runId, 'the run has built no pack');
  const done = await db.drizzle
    .select({ step: runSteps.step })
    .from(runSteps)
    .where(
      and(
        eq(runSteps.runId, runId),
        inArray(runSteps.step, [...freshnessPrerequisites]),
        eq(runSteps.status, 'succeeded'),
      ),
    );
  const missing = freshnessPrerequisites.filter((s) => !done.some((d) => d.step === s));
  if (missing.length > 0) {
    throw new PackNotReadyError(runId, `${missing.join(', ')} not succeeded`);
  }
  const [pack] = await db.drizzle.select().from(packs).where(eq(packs.id, run.packId));
  if (pack?.status === 'fresh') return pack.id;
  if (pack?.status !== 'warming') {
    throw new PackNotReadyError(runId, `pack ${run.packId} is ${pack?.status ?? 'missing'}`);
  }
  await db.drizzle
    .update(packs)
    .set({ status: 'fresh', freshAt: at })
    .where(and(eq(packs.id, pack.id), eq(packs.status, 'warming')));
  return pack.id;
}

/** The pack may not be marked fresh yet (only after steps 3–5 succeeded). */
export class PackNotReadyError extends Error {
  readonly code = 'pack_not_ready' as const;
  constructor(
    readonly runId: string,
    reason: string,
  ) {
    super(`run ${runId}: the pack cannot be marked fresh: ${reason}`);
    this.name = 'PackNotReadyError';
  }
}
