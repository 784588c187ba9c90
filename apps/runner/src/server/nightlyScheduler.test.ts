import { listRunReports, silentLogger, type Clock } from '@truth-spine/orchestrator';
import { openTestDatabase, type TestDatabase } from '@truth-spine/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NightlyScheduler, type NightlySchedulerOptions } from './nightlyScheduler.js';
import { fakeStepBodies } from './testing/fakeStepBodies.js';

const pipeline = { retry: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1, factor: 2 } };
/** A fake clock frozen at the cron time of 2024-03-09 00:05 UTC. */
const clock: Clock = { now: () => new Date('2024-03-09T00:05:00Z') };

describe('NightlyScheduler', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await test.dispose();
  });

  const scheduler = (
    through: string,
    overrides: Partial<NightlySchedulerOptions> & Pick<NightlySchedulerOptions, 'bodies'>,
  ) =>
    new NightlyScheduler({
      db: test.db,
      pipeline,
      logger: silentLogger,
      clock,
      nightlyDate: async () => through,
      catchUpMaxDays: 4,
      signal: new AbortController().signal,
      ...overrides,
    });

  it('catches up missed dates at start, in order, bounded by CATCH_UP_MAX_DAYS, with trigger cron', async () => {
    // The first night ever runs only its own date.
    const first = fakeStepBodies();
    const initial = await scheduler('2024-02-29', { bodies: first.bodies }).catchUp();
    expect(initial.dates).toEqual(['2024-02-29']);

    // Down for a week: the newest 4 dates after 2024-02-29 up to 2024-03-08, ascending.
    const { bodies, calls } = fakeStepBodies();
    const finished: string[] = [];
    const outcome = await scheduler('2024-03-08', {
      bodies,
      onRunFinished: (report) => finished.push(report.as_of),
    }).catchUp();
    expect(outcome.dates).toEqual(['2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08']);
    expect(outcome.stoppedBy).toBeNull();
    expect(calls.filter((c) => c.step === 'build_pack').map((c) => c.asOf)).toEqual(outcome.dates);
    expect(finished).toEqual(outcome.dates);
    const reports = await listRunReports(test.db, 10);
    const cronRuns = reports.filter((r) => outcome.dates.includes(r.as_of));
    expect(cronRuns.map((r) => [r.as_of, r.trigger, r.status]).sort()).toEqual(
      outcome.dates.map((d) => [d, 'cron', 'succeeded']),
    );
    // Deadlines count from the fake clock's cron time.
    expect(cronRuns.every((r) => !r.deadlines.pack_deadline_missed)).toBe(true);

    // Nothing missed: a second start-up pass runs nothing.
    const again = fakeStepBodies();
    expect((await scheduler('2024-03-08', { bodies: again.bodies }).catchUp()).dates).toEqual([]);
    expect(again.calls).toEqual([]);
  });

  it('stops at the first date that does not succeed, and retries it on the next pass', async () => {
    const { bodies, calls } = fakeStepBodies({
      reconcile_ledger: async (ctx) =>
        ctx.asOf === '2024-03-12'
          ? { status: 'failed', error: 'ledger break in DEMO-1' }
          : { status: 'succeeded' },
    });
    const outcome = await scheduler('2024-03-14', { bodies }).tick();
    expect(outcome.dates).toEqual(['2024-03-11', '2024-03-12', '2024-03-13', '2024-03-14']);
    expect(outcome.stoppedBy).toBe('blocked');
    expect(outcome.reports.map((r) => [r.as_of, r.status])).toEqual([
      ['2024-03-11', 'succeeded'],
      ['2024-03-12', 'blocked'],
    ]);
    expect(calls.some((c) => c.asOf === '2024-03-13')).toBe(false);

    const fixed = fakeStepBodies();
    const next = await scheduler('2024-03-14', { bodies: fixed.bodies }).tick();
    expect(next.dates).toEqual(['2024-03-12', '2024-03-13', '2024-03-14']);
    expect(next.reports.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });

  it('never overlaps passes: a second pass while one runs is skipped as an overrun', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { bodies } = fakeStepBodies({
      compute_daily_metrics: async () => {
        await gate;
        return { status: 'succeeded' };
      },
    });
    const subject = scheduler('2024-03-15', { bodies });
    const running = subject.tick();
    const overrun = await subject.tick();
    expect(overrun).toEqual({ dates: [], reports: [], stoppedBy: 'busy' });
    release();
    const done = await running;
    expect(done.reports.map((r) => [r.as_of, r.status])).toEqual([['2024-03-15', 'succeeded']]);
  });

  it('runs nothing once shutdown is signalled', async () => {
    const controller = new AbortController();
    controller.abort('SIGTERM');
    const { bodies, calls } = fakeStepBodies();
    const outcome = await scheduler('2024-03-18', { bodies, signal: controller.signal }).tick();
    expect(outcome.stoppedBy).toBe('shutdown');
    expect(calls).toEqual([]);
  });

  it('ticks on its cron schedule (croner, every second here)', async () => {
    const { bodies } = fakeStepBodies();
    const subject = scheduler('2024-03-19', { bodies });
    const finished = new Promise<string>((resolve) => {
      subject.start('* * * * * *', 'UTC');
      const poll = setInterval(() => {
        void listRunReports(test.db, 50).then((reports) => {
          const latest = reports.find((r) => r.as_of === '2024-03-19');
          if (latest?.status === 'succeeded') {
            clearInterval(poll);
            resolve(latest.trigger);
          }
        });
      }, 100);
    });
    expect(subject.nextRun()).toBeInstanceOf(Date);
    expect(await finished).toBe('cron');
    await subject.stop();
    expect(subject.nextRun()).toBeNull();
  });
});
