import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@truth-spine/store';
import { packs } from '@truth-spine/store/schema';
import { runNightly, type PipelineOptions } from '../pipeline/runPipeline.js';
import type { StepBodies, StepBody } from '../pipeline/stepBody.js';
import { pipelineSteps, type StepName } from '../pipeline/steps.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { getFreshness, getLatestFreshPack, isLatestPackFresh, markPackFresh } from './freshness.js';

const fast: PipelineOptions = {
  retry: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1, factor: 1 },
  stepTimeoutMs: 2_000,
};

/** Bodies that build (or reuse) pack PK-<date>-v1 and succeed, except `failing` steps. */
function bodies(failing: Partial<Record<StepName, string>> = {}): StepBodies {
  const body = (step: StepName): StepBody => {
    const error = failing[step];
    if (error !== undefined) return async () => ({ status: 'failed', error });
    if (step === 'build_pack') {
      return async (ctx) => {
        const id = `PK-${ctx.asOf}-v1`;
        await ctx.db.drizzle
          .insert(packs)
          .values({
            id,
            asOf: ctx.asOf,
            version: 1,
            sha256: `sha-${ctx.asOf}`,
            priceCount: 0,
            fxCount: 0,
            macroCount: 0,
          })
          .onConflictDoNothing();
        return { status: 'succeeded', packId: id };
      };
    }
    if (step === 'mark_pack_fresh') {
      return async (ctx) => {
        await markPackFresh(ctx.db, ctx.runId, ctx.clock.now());
        return { status: 'succeeded' };
      };
    }
    return async () => ({ status: 'succeeded' });
  };
  return Object.fromEntries(pipelineSteps.map((s) => [s, body(s)])) as unknown as StepBodies;
}

describe.each(testDatabaseKinds())(
  'the freshness gate across re-runs of one pack on %s',
  (kind) => {
    let t: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      t = await openTestDatabase(kind);
      db = t.db;
    });
    afterAll(async () => t.dispose());

    it('a failed or blocked re-run takes a fresh pack out of fresh until a run on it succeeds', async () => {
      const older = await runNightly(db, bodies(), { asOf: '2024-03-07' }, fast);
      expect(older.report.pack?.status).toBe('fresh');
      const good = await runNightly(db, bodies(), { asOf: '2024-03-08' }, fast);
      expect(good.report.pack?.status).toBe('fresh');
      expect(await isLatestPackFresh(db)).toBe(true);

      const blocked = await runNightly(
        db,
        bodies({ reconcile_ledger: 'P-1: USD cash: ledger 1, books 2' }),
        { asOf: '2024-03-08', force: true },
        fast,
      );
      expect(blocked.report.status).toBe('blocked');
      expect(blocked.report.pack?.id).toBe(good.report.pack?.id);
      const gate = await getFreshness(db);
      expect(gate).toMatchObject({
        pack_id: 'PK-2024-03-08-v1',
        status: 'blocked',
        blocked: {
          run_id: blocked.report.run_id,
          step: 'reconcile_ledger',
          reason: 'P-1: USD cash: ledger 1, books 2',
        },
      });
      // fresh_at stays what it was (the pack row is immutable but for its status moves)
      expect(gate?.fresh_at).not.toBeNull();
      expect(await isLatestPackFresh(db)).toBe(false);
      // what a consumer may serve meanwhile: the newest pack the gate calls fresh
      expect((await getLatestFreshPack(db))?.pack_id).toBe('PK-2024-03-07-v1');

      // a failure after mark_pack_fresh (alerts) says nothing about the numbers: still blocked
      // by the earlier run until a run gets through mark_pack_fresh, which this one does
      const alertsFail = await runNightly(
        db,
        bodies({ evaluate_alerts: 'webhook down' }),
        { asOf: '2024-03-08', force: true },
        fast,
      );
      expect(alertsFail.report.status).toBe('failed');
      expect(await getFreshness(db)).toMatchObject({ status: 'fresh', blocked: null });

      // a failure of a non-critical step before mark_pack_fresh blocks it too
      const metricsFail = await runNightly(
        db,
        bodies({ compute_daily_metrics: 'no prices' }),
        { asOf: '2024-03-08', force: true },
        fast,
      );
      expect(metricsFail.report.status).toBe('failed');
      expect((await getFreshness(db))?.blocked).toMatchObject({
        run_id: metricsFail.report.run_id,
        step: 'compute_daily_metrics',
      });

      const fixed = await runNightly(db, bodies(), { asOf: '2024-03-08', force: true }, fast);
      expect(fixed.report.status).toBe('succeeded');
      expect(await getFreshness(db)).toMatchObject({ status: 'fresh', blocked: null });
      expect((await getLatestFreshPack(db))?.pack_id).toBe('PK-2024-03-08-v1');
      const stored = await db.query<{ run_id: string; cleared_by_run_id: string | null }>(
        'select run_id, cleared_by_run_id from pack_blocks order by id',
      );
      expect(stored).toEqual([
        { run_id: blocked.report.run_id, cleared_by_run_id: alertsFail.report.run_id },
        { run_id: metricsFail.report.run_id, cleared_by_run_id: fixed.report.run_id },
      ]);
    });
  },
);
