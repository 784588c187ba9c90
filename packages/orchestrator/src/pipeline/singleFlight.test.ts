import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@truth-spine/store';
import { runs } from '@truth-spine/store/schema';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { RunInProgressError } from './pipelineErrors.js';
import { runNightly, type PipelineOptions } from './runPipeline.js';
import type { StepBodies, StepBody } from './stepBody.js';
import { pipelineSteps } from './steps.js';

const fast: PipelineOptions = {
  retry: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1, factor: 1 },
};

/** Bodies whose build_pack waits for `gate` (so two runs overlap) and that count steps run. */
function gatedBodies(gate: Promise<void>, counter: { steps: number }): StepBodies {
  const body: StepBody = async (ctx) => {
    counter.steps += 1;
    if (ctx.step === 'build_pack') {
      await gate;
      return { status: 'skipped', reason: 'test: nothing to build' };
    }
    return { status: 'succeeded' };
  };
  return Object.fromEntries(pipelineSteps.map((s) => [s, body])) as unknown as StepBodies;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each(testDatabaseKinds())('single flight on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => t.dispose());

  it('lets exactly one of two overlapping runs proceed; the other gets RunInProgressError', async () => {
    const other = kind === 'postgres' ? await t.openAnother() : t.db;
    const gate = deferred();
    const counter = { steps: 0 };
    const first = runNightly(
      t.db,
      gatedBodies(gate.promise, counter),
      { asOf: '2024-05-01' },
      fast,
    );
    await until(async () => (await t.db.drizzle.select().from(runs)).length === 1);
    const second = runNightly(
      other,
      gatedBodies(gate.promise, counter),
      { asOf: '2024-05-02' },
      fast,
    );
    await expect(second).rejects.toThrow(RunInProgressError);
    await expect(second).rejects.toThrow(/run .* for 2024-05-01/);
    gate.resolve();
    expect((await first).report.status).toBe('skipped');
    expect(counter.steps).toBe(1);
  });

  it('makes a second runner wait when asked, then sees the date done', async () => {
    const other = kind === 'postgres' ? await t.openAnother() : t.db;
    const gate = deferred();
    const counter = { steps: 0 };
    const first = runNightly(
      t.db,
      gatedBodies(gate.promise, counter),
      { asOf: '2024-05-03' },
      fast,
    );
    await until(
      async () =>
        (await t.db.drizzle.select().from(runs).where(eq(runs.asOf, '2024-05-03'))).length === 1,
    );
    const waiting = runNightly(
      other,
      gatedBodies(gate.promise, counter),
      { asOf: '2024-05-03' },
      {
        ...fast,
        waitForLock: true,
      },
    );
    await new Promise((r) => setTimeout(r, 150));
    gate.resolve();
    const [a, b] = await Promise.all([first, waiting]);
    expect([a.ran, b.ran]).toEqual([true, false]);
    expect(b.report.run_id).toBe(a.report.run_id);
    expect(counter.steps).toBe(1);
  });
});

describe.runIf(testDatabaseKinds().includes('postgres'))(
  'a runner killed with -9 on PostgreSQL',
  () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await openTestDatabase('postgres');
    });
    afterAll(async () => t.dispose());

    it('leaves no lock behind: the next run marks its row interrupted and completes', async () => {
      const child = await startHangingRunner(t.url, '2024-06-03');
      const counter = { steps: 0 };
      const blocked = runNightly(
        t.db,
        gatedBodies(Promise.resolve(), counter),
        { asOf: '2024-06-03' },
        fast,
      );
      await expect(blocked).rejects.toThrow(RunInProgressError);
      await killHard(child);
      const outcome = await runNightly(
        t.db,
        gatedBodies(Promise.resolve(), counter),
        { asOf: '2024-06-03' },
        { ...fast, waitForLock: true },
      );
      expect(outcome.report.status).toBe('skipped');
      const rows = await t.db.drizzle.select().from(runs).where(eq(runs.asOf, '2024-06-03'));
      expect(rows.map((r) => r.status).sort()).toEqual(['interrupted', 'skipped']);
    }, 120_000);
  },
);

describe('a runner killed with -9 on an embedded PGlite directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-kill-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('the next process takes over the directory, recovers and completes the date', async () => {
    const url = `pglite://${dir}`;
    const child = await startHangingRunner(url, '2024-06-04');
    await expect(openDatabase(url)).rejects.toThrow(/open in process/);
    await killHard(child);
    const db = await openDatabase(url);
    try {
      const counter = { steps: 0 };
      const outcome = await runNightly(
        db,
        gatedBodies(Promise.resolve(), counter),
        { asOf: '2024-06-04' },
        fast,
      );
      expect(outcome.report.status).toBe('skipped');
      const rows = await db.drizzle.select().from(runs).where(eq(runs.asOf, '2024-06-04'));
      expect(rows.map((r) => r.status).sort()).toEqual(['interrupted', 'skipped']);
    } finally {
      await db.close();
    }
  }, 300_000);
});

/** Starts test-fixtures/hangingRun.ts on `url` and resolves once its build_pack is running. */
async function startHangingRunner(url: string, asOf: string): Promise<ReturnType<typeof spawn>> {
  const script = fileURLToPath(new URL('../../test-fixtures/hangingRun.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@truth-spine/source', script],
    {
      env: { ...process.env, DATABASE_URL: url, AS_OF: asOf },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('running') && resolve());
    child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
  return child;
}

async function killHard(child: ReturnType<typeof spawn>): Promise<void> {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition never became true');
}
