import {
  bundledDemoDir,
  exportPackFactors,
  exportPackMetrics,
  type RunReport,
} from '@truth-spine/orchestrator';
import { loadBooks } from '@truth-spine/books';
import { type Database } from '@truth-spine/store';
import { openTestDatabase, type TestDatabase } from '@truth-spine/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../cli/exitCodes.js';
import { dbTimeoutMs } from './dbTestSupport.js';
import { runRunner, startRunner, type RunnerProcess } from './testing/runnerProcess.js';

/** What a distributed night must reproduce exactly: the metrics and factors exports and the ratings of a pack. */
async function nightResults(db: Database, packId: string) {
  const ratings = await db.query<{ t: string }>(
    `select (subject_kind, subject_id, score, reason, coverage, components)::text as t
       from ratings where pack_id = $1 order by subject_kind, subject_id collate "C"`,
    [packId],
  );
  return {
    metrics: JSON.stringify(await exportPackMetrics(db, packId)),
    factors: JSON.stringify(await exportPackFactors(db, packId)),
    ratings: ratings.map((r) => r.t),
  };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('distributed commands on the embedded database', () => {
  it(
    'nightly --distributed and worker exit 64 on PGlite, naming PostgreSQL',
    async () => {
      for (const args of [['nightly', '--distributed'], ['worker']]) {
        const out = await runRunner(args, { DATABASE_URL: 'pglite://memory' });
        expect(out.code).toBe(ExitCode.usage);
        expect(out.stderr).toMatch(/need PostgreSQL \(DATABASE_URL=postgres:\/\/…\)/);
      }
    },
    dbTimeoutMs,
  );
});

const postgresOnly = process.env['TEST_DATABASE_URL'] ? ['postgres' as const] : [];

describe.each(postgresOnly)('worker processes on %s', (kind) => {
  let reference: TestDatabase;
  let dist: TestDatabase;
  let referencePack: string;
  const workers: RunnerProcess[] = [];
  const distributedEnv = () => ({
    DATABASE_URL: dist.url,
    DISTRIBUTED_BATCH_SIZE: '1',
    DISTRIBUTED_BATCH_EXPIRE_SECONDS: '20',
    DISTRIBUTED_MAINTENANCE_SECONDS: '1',
    DISTRIBUTED_RETRY_DELAY_SECONDS: '0',
    DISTRIBUTED_POLL_SECONDS: '1',
  });

  beforeAll(async () => {
    reference = await openTestDatabase(kind);
    dist = await openTestDatabase(kind);
    // Books in first: the processes below start together on this database.
    await loadBooks(dist.db, bundledDemoDir);
    const single = await runRunner(['nightly', '--json'], { DATABASE_URL: reference.url });
    expect(single.code, single.stderr).toBe(ExitCode.ok);
    referencePack = (JSON.parse(single.stdout) as RunReport).pack!.id;
  }, dbTimeoutMs);

  afterAll(async () => {
    for (const w of workers) w.kill();
    await Promise.all(workers.map((w) => w.exit));
    await reference?.dispose();
    await dist?.dispose();
  }, dbTimeoutMs);

  it(
    'a worker killed with -9 mid-batch: its batch is retried by another worker and the night equals single-process',
    async () => {
      const env = distributedEnv();
      // The victim pauses inside every batch it takes, so it is surely killed mid-batch.
      const victim = startRunner(['worker'], { ...env, WORKER_DRILL_PAUSE_MS: '600000' });
      workers.push(victim);
      const coordinator = startRunner(['nightly', '--distributed', '--json'], env);
      let taken: { step: string; batch_no: number } | undefined;
      await until('the victim to take a batch', async () => {
        [taken] = await dist.db.query<{ step: string; batch_no: number }>(
          `select step, batch_no from step_batches where status = 'active' and worker like $1`,
          [`%:${victim.child.pid}`],
        );
        return taken !== undefined;
      });
      victim.kill();
      expect((await victim.exit).signal).toBe('SIGKILL');
      workers.push(startRunner(['worker'], env), startRunner(['worker'], env));

      const night = await coordinator.exit;
      expect(night.code, night.stderr).toBe(ExitCode.ok);
      const report = JSON.parse(night.stdout) as RunReport;
      expect(report.status).toBe('succeeded');

      const [retried] = await dist.db.query<{ status: string; attempts: number; worker: string }>(
        `select status, attempts, worker from step_batches
          where run_id = $1 and step = $2 and batch_no = $3`,
        [report.run_id, taken!.step, taken!.batch_no],
      );
      expect(retried!.status).toBe('done');
      expect(retried!.attempts).toBe(2);
      expect(retried!.worker).not.toMatch(new RegExp(`:${victim.child.pid}$`));
      expect(await nightResults(dist.db, report.pack!.id)).toEqual(
        await nightResults(reference.db, referencePack),
      );

      const status = await runRunner(['status', '--json'], env);
      expect(status.code).toBe(ExitCode.ok);
      const shown = (
        JSON.parse(status.stdout) as {
          distributed: {
            run_id: string;
            steps: Record<string, Record<string, number>>;
            workers: { worker: string; batches: number; portfolios: number }[];
          };
        }
      ).distributed;
      expect(shown.run_id).toBe(report.run_id);
      const allDone = { queued: 0, active: 0, done: 4, failed: 0 };
      expect(shown.steps).toEqual({
        compute_daily_metrics: allDone,
        prewarm_factors: allDone,
        prewarm_ratings: allDone,
      });
      // 12 batches of one portfolio each, done by the two surviving workers only.
      expect(shown.workers.reduce((n, w) => n + w.portfolios, 0)).toBe(12);
      expect(shown.workers.some((w) => w.worker.endsWith(`:${victim.child.pid}`))).toBe(false);
    },
    dbTimeoutMs * 2,
  );

  it(
    'workers stop on SIGTERM with exit 0; two coordinators at once: one runs the night, the other exits 3',
    async () => {
      for (const worker of workers.splice(0)) {
        worker.child.kill('SIGTERM');
        const exit = await worker.exit;
        if (exit.signal !== 'SIGKILL') expect(exit.code, exit.stderr).toBe(ExitCode.ok);
      }
      const env = distributedEnv();
      // No worker yet: the first coordinator holds the run (and the lock) waiting for its batches.
      const first = startRunner(['nightly', '--distributed', '--force', '--json'], env);
      await until('the first coordinator to wait for its batches', async () => {
        const waiting = await dist.db.query(
          `select 1 from step_batches b join runs r on r.id = b.run_id where r.status = 'running'`,
        );
        return waiting.length > 0;
      });
      const second = await runRunner(['nightly', '--distributed', '--force'], env);
      expect(second.code, second.stderr).toBe(ExitCode.anotherRunInProgress);
      workers.push(startRunner(['worker'], env));
      const done = await first.exit;
      expect(done.code, done.stderr).toBe(ExitCode.ok);
      expect((JSON.parse(done.stdout) as RunReport).status).toBe('succeeded');
    },
    dbTimeoutMs * 2,
  );
});
