import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@truth-spine/store';
import { alertEvents, deadLetters, packs, runs } from '@truth-spine/store/schema';
import { listDeadLetters } from '../deadLetters/deadLetters.js';
import {
  getFreshness,
  getLatestFreshPack,
  isLatestPackFresh,
  markPackFresh,
  PackNotReadyError,
} from '../freshness/freshness.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import type { Clock } from './clock.js';
import { datesToCatchUp } from './datesToCatchUp.js';
import { executeStep } from './executeStep.js';
import { silentLogger } from './logger.js';
import { StepOrderError } from './pipelineErrors.js';
import { replayStepDeadLetter } from './replayStepDeadLetter.js';
import { backfill, resumeRun, runNightly, type PipelineOptions } from './runPipeline.js';
import { listRunReports } from './runReport.js';
import { createRun, loadRun } from './runStore.js';
import type { StepBodies, StepBody, StepContext } from './stepBody.js';
import { pipelineSteps, type StepName } from './steps.js';

const fast: PipelineOptions = {
  retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 4, factor: 2 },
  stepTimeoutMs: 2_000,
};

/** A pack for `asOf`, inserted once (as a real build_pack does for identical inputs). */
async function buildTestPack(db: Database, asOf: string): Promise<string> {
  const id = `PK-${asOf}-v1`;
  await db.drizzle
    .insert(packs)
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

/**
 * Fake step bodies that record every call; build_pack builds a test pack and
 * mark_pack_fresh uses the real gate. `overrides` replace single bodies.
 */
function fakeBodies(overrides: Partial<Record<StepName, StepBody>> = {}) {
  const calls: { step: StepName; attempt: number; packId: string | null }[] = [];
  const record =
    (step: StepName, body: StepBody): StepBody =>
    async (ctx) => {
      calls.push({ step, attempt: ctx.attempt, packId: ctx.packId });
      return body(ctx);
    };
  const defaults: Record<StepName, StepBody> = {
    build_pack: async (ctx) => ({
      status: 'succeeded',
      packId: await buildTestPack(ctx.db, ctx.asOf),
      details: { prices: 0 },
    }),
    reconcile_ledger: async () => ({ status: 'succeeded', details: { portfolios: 3, breaks: 0 } }),
    compute_daily_metrics: async () => ({ status: 'succeeded' }),
    prewarm_factors: async () => ({ status: 'succeeded' }),
    prewarm_ratings: async () => ({ status: 'succeeded' }),
    mark_pack_fresh: async (ctx: StepContext) => ({
      status: 'succeeded',
      details: { pack: await markPackFresh(ctx.db, ctx.runId, ctx.clock.now()) },
    }),
    evaluate_alerts: async () => ({ status: 'succeeded', details: { rules: 0 } }),
  };
  const bodies = Object.fromEntries(
    pipelineSteps.map((step) => [step, record(step, overrides[step] ?? defaults[step])]),
  ) as unknown as StepBodies;
  return { bodies, calls, steps: () => calls.map((c) => c.step) };
}

const statuses = (report: { steps: readonly { status: string }[] }) =>
  report.steps.map((s) => s.status);

describe.each(testDatabaseKinds())('pipeline engine on %s', (kind) => {
  let t: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    db = t.db;
  });
  afterAll(async () => t.dispose());

  it('runs a happy night in the fixed order and records everything', async () => {
    const fake = fakeBodies();
    const { ran, report } = await runNightly(db, fake.bodies, { asOf: '2024-01-02' }, fast);
    expect(ran).toBe(true);
    expect(fake.steps()).toEqual([...pipelineSteps]);
    expect(report).toMatchObject({
      as_of: '2024-01-02',
      status: 'succeeded',
      trigger: 'manual',
      blocked_at: null,
      deadlines: { pack_deadline_missed: false, run_deadline_missed: false },
      pack: { id: 'PK-2024-01-02-v1', version: 1, hash: 'sha-2024-01-02', status: 'fresh' },
    });
    expect(report.steps.map((s) => s.name)).toEqual([...pipelineSteps]);
    expect(statuses(report)).toEqual(Array(7).fill('succeeded'));
    expect(report.steps[1]).toMatchObject({ attempts: 1, error: null, details: { breaks: 0 } });
    expect(report.finished_at).not.toBeNull();
    // later steps saw the pack id built by build_pack
    expect(fake.calls.slice(1).every((c) => c.packId === 'PK-2024-01-02-v1')).toBe(true);
  });

  it('does not run a date that already succeeded unless forced', async () => {
    const fake = fakeBodies();
    const again = await runNightly(db, fake.bodies, { asOf: '2024-01-02' }, fast);
    expect(again.ran).toBe(false);
    expect(again.report.status).toBe('succeeded');
    expect(fake.calls).toEqual([]);
    const forced = await runNightly(db, fake.bodies, { asOf: '2024-01-02', force: true }, fast);
    expect(forced.ran).toBe(true);
    expect(forced.report.run_id).not.toBe(again.report.run_id);
    expect(fake.steps()).toEqual([...pipelineSteps]);
  });

  it('refuses to run a step out of order, checked against the database', async () => {
    const runId = 'order-test';
    await createRun(db.drizzle, {
      id: runId,
      asOf: '2023-06-01',
      trigger: 'manual',
      scheduledAt: new Date(),
      startedAt: new Date(),
    });
    const run = (await loadRun(db.drizzle, runId))!;
    const execution = {
      db,
      clock: { now: () => new Date() },
      logger: silentLogger,
      retry: fast.retry!,
      timeoutMs: () => 1000,
    };
    const fake = fakeBodies();
    await expect(
      executeStep(execution, run, 'compute_daily_metrics', fake.bodies.compute_daily_metrics, {}),
    ).rejects.toThrow(StepOrderError);
    await expect(
      executeStep(execution, run, 'reconcile_ledger', fake.bodies.reconcile_ledger, {}),
    ).rejects.toThrow(/build_pack has not succeeded \(it is pending\)/);
    expect(fake.calls).toEqual([]);
    await executeStep(execution, run, 'build_pack', fake.bodies.build_pack, {});
    await expect(
      executeStep(execution, run, 'build_pack', fake.bodies.build_pack, {}),
    ).rejects.toThrow(/it is succeeded, not pending/);
    await db.drizzle.update(runs).set({ status: 'failed' }).where(eq(runs.id, runId));
  });

  it('blocks every later step on a failure, retrying non-critical steps first', async () => {
    const fake = fakeBodies({
      prewarm_factors: async () => {
        throw new Error('FRED series DFII10 unavailable');
      },
    });
    const { report } = await runNightly(db, fake.bodies, { asOf: '2024-01-03' }, fast);
    expect(report.status).toBe('failed');
    expect(report.blocked_at).toBe('prewarm_factors');
    expect(statuses(report)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
      'failed',
      'blocked',
      'blocked',
      'blocked',
    ]);
    expect(report.steps[3]).toMatchObject({ attempts: 3, error: 'FRED series DFII10 unavailable' });
    expect(report.steps[4]?.details).toEqual({ blocked_by: 'prewarm_factors' });
    expect(fake.steps().filter((s) => s === 'prewarm_factors')).toHaveLength(3);
    expect(fake.steps()).not.toContain('prewarm_ratings');
    // stored row still warming; the gate says blocked, naming the run and the failed step
    expect(report.pack?.status).toBe('blocked');
    expect(report.pack?.blocked).toEqual({
      run_id: report.run_id,
      step: 'prewarm_factors',
      reason: 'FRED series DFII10 unavailable',
    });
    const events = await db.drizzle
      .select()
      .from(alertEvents)
      .where(eq(alertEvents.runId, report.run_id));
    expect(events.map((e) => e.kind)).toEqual(['run_failed']);
  });

  it('treats a reconciliation failure as critical: one attempt, blocked, pack blocked, alert', async () => {
    const fake = fakeBodies({
      reconcile_ledger: async () => {
        throw new Error('P-USD-GROWTH: AAPL units 100 ≠ ledger 90');
      },
    });
    const { report } = await runNightly(db, fake.bodies, { asOf: '2024-01-04' }, fast);
    expect(report.status).toBe('blocked');
    expect(report.blocked_at).toBe('reconcile_ledger');
    expect(statuses(report)).toEqual(['succeeded', 'failed', ...Array(5).fill('blocked')]);
    expect(report.steps[1]?.attempts).toBe(1);
    expect(fake.steps()).toEqual(['build_pack', 'reconcile_ledger']);
    expect(report.pack?.status).toBe('blocked');
    expect((await getFreshness(db))?.status).toBe('blocked');
    expect((await getFreshness(db))?.blocked).toMatchObject({
      run_id: report.run_id,
      step: 'reconcile_ledger',
    });
    const [event] = await db.drizzle
      .select()
      .from(alertEvents)
      .where(eq(alertEvents.runId, report.run_id));
    expect(event).toMatchObject({ kind: 'run_blocked', severity: 'critical', asOf: '2024-01-04' });
    expect(event?.message).toContain('AAPL units 100');
  });

  it('records a failed verdict at once, without retry', async () => {
    const fake = fakeBodies({
      reconcile_ledger: async () => ({
        status: 'failed',
        error: '2 breaks',
        details: { breaks: 2 },
      }),
    });
    const { report } = await runNightly(db, fake.bodies, { asOf: '2024-01-05' }, fast);
    expect(report.status).toBe('blocked');
    expect(report.steps[1]).toMatchObject({
      attempts: 1,
      error: '2 breaks',
      details: { breaks: 2 },
    });
  });

  it('retries with exponential backoff, then succeeds', async () => {
    const at: number[] = [];
    const fake = fakeBodies({
      compute_daily_metrics: async () => {
        at.push(performance.now());
        if (at.length < 3) throw new Error('connection reset');
        return { status: 'succeeded' };
      },
    });
    const retry = { maxAttempts: 4, initialDelayMs: 40, maxDelayMs: 1000, factor: 2 };
    const { report } = await runNightly(
      db,
      fake.bodies,
      { asOf: '2024-01-08' },
      { ...fast, retry },
    );
    expect(report.status).toBe('succeeded');
    expect(report.steps[2]).toMatchObject({ status: 'succeeded', attempts: 3, error: null });
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(38);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(78);
    expect(await listDeadLetters(db)).not.toContainEqual(
      expect.objectContaining({ asOf: '2024-01-08' }),
    );
  });

  it('aborts a step that overruns its timeout through its AbortSignal', async () => {
    let sawAbort = 0;
    const fake = fakeBodies({
      prewarm_ratings: (ctx) =>
        new Promise((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => {
            sawAbort += 1;
            reject(new Error('stopped'));
          });
        }),
    });
    const options = { ...fast, stepTimeoutMs: { prewarm_ratings: 30 } };
    const { report } = await runNightly(db, fake.bodies, { asOf: '2024-01-09' }, options);
    expect(report.status).toBe('failed');
    expect(report.steps[4]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(report.steps[4]?.error).toBe('prewarm_ratings timed out after 0.03 s');
    expect(sawAbort).toBe(3);
  });

  it('records a cancelled run as interrupted, without a dead letter, and resumes it', async () => {
    const cancel = new AbortController();
    const fake = fakeBodies({
      compute_daily_metrics: (ctx) =>
        new Promise((resolve, reject) => {
          if (ctx.attempt > 1 || cancel.signal.aborted) {
            resolve({ status: 'succeeded' });
            return;
          }
          ctx.signal.addEventListener('abort', () => reject(new Error('stopped by signal')));
          cancel.abort(new Error('SIGTERM'));
        }),
    });
    const { report } = await runNightly(
      db,
      fake.bodies,
      { asOf: '2024-01-22' },
      { ...fast, signal: cancel.signal },
    );
    expect(report.status).toBe('interrupted');
    expect(statuses(report)).toEqual([
      'succeeded',
      'succeeded',
      'failed',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect((await listDeadLetters(db)).filter((l) => l.runId === report.run_id)).toEqual([]);
    expect(
      await db.drizzle.select().from(alertEvents).where(eq(alertEvents.runId, report.run_id)),
    ).toEqual([]);
    const resumed = await resumeRun(db, fake.bodies, report.run_id, fast);
    expect(resumed.report.status).toBe('succeeded');
  });

  it('skips a non-trading day instead of failing it', async () => {
    const fake = fakeBodies({
      build_pack: async () => ({ status: 'skipped', reason: 'non-trading day (Saturday)' }),
    });
    const { report } = await runNightly(db, fake.bodies, { asOf: '2024-01-06' }, fast);
    expect(report.status).toBe('skipped');
    expect(statuses(report)).toEqual(Array(7).fill('skipped'));
    expect(report.pack).toBeNull();
    expect(fake.steps()).toEqual(['build_pack']);
    expect((await runNightly(db, fake.bodies, { asOf: '2024-01-06' }, fast)).ran).toBe(false);
  });

  it('records missed deadlines with an injected clock and raises alerts, without aborting', async () => {
    let now = Date.parse('2024-01-11T00:05:00Z');
    const clock: Clock = { now: () => new Date(now) };
    const fake = fakeBodies({
      build_pack: async (ctx) => {
        now += 11 * 60_000; // the pack is ready at 00:16, after the 00:15 deadline
        return { status: 'succeeded', packId: await buildTestPack(ctx.db, ctx.asOf) };
      },
      prewarm_factors: async () => {
        now += 20 * 60_000; // the run ends at 00:36, after the 00:35 deadline
        return { status: 'succeeded' };
      },
    });
    const scheduledAt = new Date(now);
    const { report } = await runNightly(
      db,
      fake.bodies,
      { asOf: '2024-01-10', trigger: 'cron', scheduledAt },
      { ...fast, clock },
    );
    expect(report.status).toBe('succeeded');
    expect(report.deadlines).toEqual({ pack_deadline_missed: true, run_deadline_missed: true });
    expect(report.steps[0]?.seconds).toBe(660);
    const kinds = (
      await db.drizzle.select().from(alertEvents).where(eq(alertEvents.runId, report.run_id))
    ).map((e) => e.kind);
    expect(kinds.sort()).toEqual(['pack_deadline_missed', 'run_deadline_missed']);
  });

  it('raises the run deadline alert while a step is still running past it', async () => {
    let now = Date.parse('2024-01-19T00:05:00Z');
    const kindsDuring: string[][] = [];
    const eventsOf = async (runId: string) =>
      (await db.drizzle.select().from(alertEvents).where(eq(alertEvents.runId, runId))).map(
        (e) => e.kind,
      );
    const fake = fakeBodies({
      prewarm_factors: async (ctx) => {
        kindsDuring.push(await eventsOf(ctx.runId));
        now += 31 * 60_000; // the deadline passes while this step is still busy
        await new Promise((r) => setTimeout(r, 300));
        kindsDuring.push(await eventsOf(ctx.runId));
        return { status: 'succeeded' };
      },
    });
    const { report } = await runNightly(
      db,
      fake.bodies,
      { asOf: '2024-01-18', scheduledAt: new Date(now) },
      { ...fast, clock: { now: () => new Date(now) }, deadlinePollMs: 10 },
    );
    expect(kindsDuring).toEqual([[], ['run_deadline_missed']]);
    expect(report.deadlines).toEqual({ pack_deadline_missed: false, run_deadline_missed: true });
    expect(await eventsOf(report.run_id)).toEqual(['run_deadline_missed']);
  });

  it('meets deadlines when the clock says so', async () => {
    let now = Date.parse('2024-01-12T00:05:00Z');
    const fake = fakeBodies({
      build_pack: async (ctx) => {
        now += 9 * 60_000;
        return { status: 'succeeded', packId: await buildTestPack(ctx.db, ctx.asOf) };
      },
    });
    const { report } = await runNightly(
      db,
      fake.bodies,
      { asOf: '2024-01-11', scheduledAt: new Date(now) },
      { ...fast, clock: { now: () => new Date(now) } },
    );
    expect(report.deadlines).toEqual({ pack_deadline_missed: false, run_deadline_missed: false });
  });

  it('resumes a blocked run from its first unfinished step, reusing its pack', async () => {
    let ledgerFixed = false;
    const fake = fakeBodies({
      reconcile_ledger: async () =>
        ledgerFixed ? { status: 'succeeded' } : { status: 'failed', error: 'cash break EUR 12.00' },
    });
    const first = await runNightly(db, fake.bodies, { asOf: '2024-01-15' }, fast);
    expect(first.report.status).toBe('blocked');
    ledgerFixed = true;
    fake.calls.length = 0;
    const resumed = await resumeRun(db, fake.bodies, first.report.run_id, fast);
    expect(resumed.ran).toBe(true);
    expect(resumed.report.run_id).toBe(first.report.run_id);
    expect(resumed.report.status).toBe('succeeded');
    expect(fake.steps()).toEqual(pipelineSteps.slice(1));
    expect(fake.calls[0]?.packId).toBe('PK-2024-01-15-v1');
    expect(resumed.report.pack).toMatchObject({ id: 'PK-2024-01-15-v1', status: 'fresh' });
    expect(resumed.report.blocked_at).toBeNull();
    expect((await resumeRun(db, fake.bodies, first.report.run_id, fast)).ran).toBe(false);
  });

  it('writes a dead letter for a failure and replays it exactly once', async () => {
    let attempts = 0;
    const fake = fakeBodies({
      evaluate_alerts: async () => {
        attempts += 1;
        if (attempts <= 3) throw new Error('webhook receiver down');
        return { status: 'succeeded' };
      },
    });
    const { report } = await runNightly(db, fake.bodies, { asOf: '2024-01-16' }, fast);
    expect(report.status).toBe('failed');
    const letters = (await listDeadLetters(db)).filter((l) => l.runId === report.run_id);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      kind: 'pipeline_step',
      step: 'evaluate_alerts',
      asOf: '2024-01-16',
      packId: 'PK-2024-01-16-v1',
      error: 'webhook receiver down',
      attempts: 3,
      payload: { run_id: report.run_id, step: 'evaluate_alerts', as_of: '2024-01-16' },
    });
    fake.calls.length = 0;
    const replay = await replayStepDeadLetter(db, fake.bodies, letters[0]!.id, fast);
    expect(replay.outcome.report.status).toBe('succeeded');
    expect(fake.steps()).toEqual(['evaluate_alerts']);
    await expect(replayStepDeadLetter(db, fake.bodies, letters[0]!.id, fast)).rejects.toThrow(
      /already replayed/,
    );
    expect(fake.steps()).toEqual(['evaluate_alerts']);
    const [stored] = await db.drizzle
      .select()
      .from(deadLetters)
      .where(eq(deadLetters.id, letters[0]!.id));
    expect(stored?.replayResult).toBe(`run ${report.run_id}: succeeded`);
    expect((await listDeadLetters(db)).map((l) => l.id)).not.toContain(letters[0]!.id);
  });

  it('backfills dates in order and stops at the first blocked date', async () => {
    const fake = fakeBodies({
      reconcile_ledger: async (ctx) =>
        ctx.asOf === '2024-02-07'
          ? { status: 'failed', error: 'missing transaction' }
          : { status: 'succeeded' },
    });
    const outcomes = await backfill(
      db,
      fake.bodies,
      { from: '2024-02-05', to: '2024-02-09' },
      fast,
    );
    expect(outcomes.map((o) => [o.report.as_of, o.report.status])).toEqual([
      ['2024-02-05', 'succeeded'],
      ['2024-02-06', 'succeeded'],
      ['2024-02-07', 'blocked'],
    ]);
    expect(outcomes.every((o) => o.report.trigger === 'backfill')).toBe(true);
    expect(fake.calls.filter((c) => c.step === 'build_pack').map((c) => c.packId)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('marks a running row left by a dead process interrupted, then runs the date', async () => {
    await db.drizzle.insert(runs).values({
      id: 'killed-run',
      asOf: '2024-01-17',
      trigger: 'cron',
      status: 'running',
      scheduledAt: new Date(),
      startedAt: new Date(),
    });
    const fake = fakeBodies();
    const { report } = await runNightly(db, fake.bodies, { asOf: '2024-01-17' }, fast);
    expect(report.status).toBe('succeeded');
    const [stale] = await db.drizzle.select().from(runs).where(eq(runs.id, 'killed-run'));
    expect(stale?.status).toBe('interrupted');
  });

  it('catches up from the newest date done', async () => {
    const newestDone = (await listRunReports(db, 100))
      .filter((r) => r.status === 'succeeded' || r.status === 'skipped')
      .map((r) => r.as_of)
      .sort()
      .at(-1);
    expect(newestDone).toBe('2024-02-06');
    expect(await datesToCatchUp(db, '2024-02-09', 7)).toEqual([
      '2024-02-07',
      '2024-02-08',
      '2024-02-09',
    ]);
  });

  it('keeps the gate warming until mark_pack_fresh, which needs steps 3–5', async () => {
    let gateDuringRatings: boolean | null = null;
    const fake = fakeBodies({
      prewarm_ratings: async (ctx) => {
        gateDuringRatings = await isLatestPackFresh(ctx.db);
        await expect(markPackFresh(ctx.db, ctx.runId, new Date())).rejects.toThrow(
          PackNotReadyError,
        );
        return { status: 'succeeded' };
      },
    });
    const { report } = await runNightly(db, fake.bodies, { asOf: '2024-03-01' }, fast);
    expect(gateDuringRatings).toBe(false);
    expect(report.status).toBe('succeeded');
    const gate = await getFreshness(db);
    expect(gate).toMatchObject({
      pack_id: 'PK-2024-03-01-v1',
      as_of: '2024-03-01',
      status: 'fresh',
    });
    expect(gate?.fresh_at).not.toBeNull();
    expect(await isLatestPackFresh(db)).toBe(true);
  });

  it('will not mark a pack fresh for a run whose metrics failed', async () => {
    const fake = fakeBodies({
      compute_daily_metrics: async () => ({ status: 'failed', error: 'no prices' }),
    });
    const { report } = await runNightly(db, fake.bodies, { asOf: '2024-03-04' }, fast);
    await expect(markPackFresh(db, report.run_id, new Date())).rejects.toThrow(
      /compute_daily_metrics, prewarm_factors, prewarm_ratings not succeeded/,
    );
    const [pack] = await db.drizzle
      .select()
      .from(packs)
      .where(and(eq(packs.asOf, '2024-03-04'), eq(packs.version, 1)));
    expect(pack?.status).toBe('warming');
    expect((await getFreshness(db))?.pack_id).toBe('PK-2024-03-04-v1');
    expect(await isLatestPackFresh(db)).toBe(false);
    expect(await getLatestFreshPack(db)).toMatchObject({
      pack_id: 'PK-2024-03-01-v1',
      status: 'fresh',
    });
  });
});
