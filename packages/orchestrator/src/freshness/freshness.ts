import { and, desc, eq, inArray, isNull, notExists } from 'drizzle-orm';
import type { Database } from '@truth-spine/store';
import { packBlocks, packs, runSteps, runs, type PackStatus } from '@truth-spine/store/schema';
import { freshnessPrerequisites } from '../pipeline/steps.js';
import { clearPackBlocks, openPackBlocks, type PackBlock } from './packBlocks.js';

/** What the gate says of a pack: its stored status, or `blocked` while a run holds it back. */
export type GateStatus = PackStatus | 'blocked';

/**
 * What the freshness gate reports (docs/PIPELINE.md#the-freshness-gate; the runner's
 * `GET /health/pack`, `status`). `status`:
 * - `warming`: built, its night not finished yet;
 * - `fresh`: its night succeeded through mark_pack_fresh and no later run on it failed;
 * - `blocked`: the latest run on it failed or was blocked before it could mark it fresh
 *   (`blocked` names that run, the step and the reason) — whatever it was before;
 * - `superseded`: a newer version of the same date replaced it.
 * Consumers serve numbers from a pack only while it is `fresh`.
 */
export interface Freshness {
  readonly pack_id: string;
  readonly as_of: string;
  readonly status: GateStatus;
  readonly hash: string;
  readonly fresh_at: string | null;
  /** The run that holds the pack back; null unless `status` is `blocked`. */
  readonly blocked: PackBlock | null;
}

/** The gate's status of a pack from its stored status and its open block (if any). */
export function gateStatusOf(stored: PackStatus, block: PackBlock | null): GateStatus {
  if (stored === 'superseded') return 'superseded';
  return block === null ? stored : 'blocked';
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
  if (pack === undefined) return null;
  const block = (await openPackBlocks(db.drizzle, [pack.id])).get(pack.id) ?? null;
  return freshnessOf(pack, block);
}

function freshnessOf(pack: typeof packs.$inferSelect, block: PackBlock | null): Freshness {
  const status = gateStatusOf(pack.status, block);
  return {
    pack_id: pack.id,
    as_of: pack.asOf,
    status,
    hash: pack.sha256,
    fresh_at: pack.freshAt?.toISOString() ?? null,
    blocked: status === 'blocked' ? block : null,
  };
}

/**
 * The newest pack the gate calls fresh (null if none): what a consumer may serve while the
 * latest pack is still warming or is blocked.
 */
export async function getLatestFreshPack(db: Database): Promise<Freshness | null> {
  const [pack] = await db.drizzle
    .select()
    .from(packs)
    .where(
      and(
        eq(packs.status, 'fresh'),
        notExists(
          db.drizzle
            .select({ id: packBlocks.id })
            .from(packBlocks)
            .where(and(eq(packBlocks.packId, packs.id), isNull(packBlocks.clearedAt))),
        ),
      ),
    )
    .orderBy(desc(packs.asOf), desc(packs.version))
    .limit(1);
  return pack === undefined ? null : freshnessOf(pack, null);
}

/** True only when a latest pack exists and the gate calls it fresh. */
export async function isLatestPackFresh(db: Database): Promise<boolean> {
  return (await getFreshness(db))?.status === 'fresh';
}

/**
 * Flips the pack of run `runId` from warming to fresh at `at` — only when that run's
 * compute_daily_metrics, prewarm_factors and prewarm_ratings all succeeded; otherwise
 * throws {@link PackNotReadyError}. Idempotent for a pack that is already fresh (resume, a
 * re-run). Either way it closes the pack's open blocks: this run got through on it.
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
  if (pack?.status !== 'warming' && pack?.status !== 'fresh') {
    throw new PackNotReadyError(runId, `pack ${run.packId} is ${pack?.status ?? 'missing'}`);
  }
  await db.drizzle.transaction(async (tx) => {
    if (pack.status === 'warming') {
      await tx
        .update(packs)
        .set({ status: 'fresh', freshAt: at })
        .where(and(eq(packs.id, pack.id), eq(packs.status, 'warming')));
    }
    await clearPackBlocks(tx, pack.id, runId, at);
  });
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
