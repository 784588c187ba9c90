import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  getFreshness,
  listDeadLetters,
  listRunReports,
  resumeRun,
} from '@truth-spine/orchestrator';
import { openDatabase } from '@truth-spine/store';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeStepBodies } from '../server/testing/fakeStepBodies.js';

const fixture = fileURLToPath(
  new URL('../server/__fixtures__/serveWithBlockingStep.ts', import.meta.url),
);
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const graceSeconds = 5;

describe('serve as a process', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('on SIGTERM mid-step exits within the grace, the run is recorded interrupted, and resume completes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'truth-spine-serve-'));
    dirs.push(dir);
    const url = `pglite://${join(dir, 'db')}`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@truth-spine/source', fixture],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          DATABASE_URL: url,
          HTTP_PORT: '0',
          SHUTDOWN_GRACE_SECONDS: String(graceSeconds),
          CATCH_UP_MAX_DAYS: '7',
          LOG_FORMAT: 'json',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('STEP_STARTED')) resolve();
      });
      void exited.then(() => reject(new Error(`serve exited before the step started:\n${stderr}`)));
    });

    const signalledAt = performance.now();
    child.kill('SIGTERM');
    const code = await exited;
    const seconds = (performance.now() - signalledAt) / 1000;
    expect(code, stderr).toBe(0);
    expect(seconds).toBeLessThan(graceSeconds);
    expect(stdout).toBe('');
    const logLines = stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string });
    expect(logLines.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^serving on embedded PGlite: not for production/),
        'HTTP endpoints listening: /health/pack, /metrics',
        'shutting down: schedule stopped, current run interrupted',
        'stopped',
      ]),
    );

    const db = await openDatabase(url);
    try {
      const [run] = await listRunReports(db, 5);
      expect(run).toMatchObject({ as_of: '2024-03-08', trigger: 'cron', status: 'interrupted' });
      // The aborted step is recorded failed (no dead letter), later steps stay pending.
      expect(run!.steps.map((s) => s.status)).toEqual([
        'succeeded',
        'succeeded',
        'failed',
        'pending',
        'pending',
        'pending',
        'pending',
      ]);
      expect(await listDeadLetters(db)).toEqual([]);
      expect((await getFreshness(db))?.status).toBe('warming');

      const { ran, report } = await resumeRun(db, fakeStepBodies().bodies, run!.run_id);
      expect(ran).toBe(true);
      expect(report.status).toBe('succeeded');
      expect((await getFreshness(db))?.status).toBe('fresh');
    } finally {
      await db.close();
    }
  }, 120_000);
});
