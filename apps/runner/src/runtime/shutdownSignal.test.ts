import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCopy, type DemoCopy } from '@truth-spine/orchestrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const main = join(repoRoot, 'apps/runner/src/main.ts');

interface Child {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Seconds from SIGTERM to exit (when `killWhen` fired). */
  readonly secondsAfterSignal: number | null;
}

/** Runs the runner from source in a child process; SIGTERM once `killWhen(stderr)` holds. */
function runner(
  args: readonly string[],
  env: Record<string, string>,
  killWhen?: (stderr: string) => boolean,
): Promise<Child> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@truth-spine/source', main, ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, LOG_FORMAT: 'json', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let signalledAt: number | null = null;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (signalledAt === null && killWhen?.(stderr) === true) {
      signalledAt = performance.now();
      child.kill('SIGTERM');
    }
  });
  return new Promise((resolve) =>
    child.on('close', (code) =>
      resolve({
        code,
        stdout,
        stderr,
        secondsAfterSignal: signalledAt === null ? null : (performance.now() - signalledAt) / 1000,
      }),
    ),
  );
}

describe('SIGTERM to a nightly process (real step bodies, one demo portfolio)', () => {
  let demo: DemoCopy;
  let dir: string;
  let env: (db: string) => Record<string, string>;
  beforeAll(async () => {
    demo = await demoCopy(['P-USD-GROWTH']);
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-sigterm-'));
    env = (db) => ({
      DATABASE_URL: `pglite://${join(dir, db)}`,
      BOOKS_DIR: demo.booksDir,
      LEDGER_DIR: demo.ledgerDir,
      OFFLINE_DATA_DIR: demo.marketDir,
    });
  });
  afterAll(async () => {
    await demo.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('interrupts the run mid-step, exits promptly, and resume reaches the same pack and metrics as an uninterrupted run', async () => {
    const interrupted = await runner(['nightly'], env('a'), (stderr) =>
      stderr.includes('compute_daily_metrics running'),
    );
    expect(interrupted.secondsAfterSignal, interrupted.stderr).not.toBeNull();
    expect(interrupted.code, interrupted.stderr).toBe(1);
    expect(interrupted.secondsAfterSignal!).toBeLessThan(15);
    expect(interrupted.stdout).toMatch(/interrupted/);
    const runId = /"runId":"([0-9a-f-]{36})"/.exec(interrupted.stderr)?.[1];
    expect(runId).toBeDefined();

    const resumed = await runner(['resume', runId!, '--json'], env('a'));
    expect(resumed.code, resumed.stderr).toBe(0);
    const resumedReport = JSON.parse(resumed.stdout) as {
      run_id: string;
      status: string;
      pack: { id: string; hash: string; status: string };
      steps: { name: string; status: string }[];
    };
    expect(resumedReport.run_id).toBe(runId);
    expect(resumedReport.status).toBe('succeeded');
    expect(resumedReport.pack.status).toBe('fresh');

    const straight = await runner(['nightly', '--json'], env('b'));
    expect(straight.code, straight.stderr).toBe(0);
    const straightReport = JSON.parse(straight.stdout) as typeof resumedReport;
    expect(straightReport.status).toBe('succeeded');
    expect(resumedReport.pack.hash).toBe(straightReport.pack.hash);

    const metricsA = await runner(['metrics', resumedReport.pack.id, '--json'], env('a'));
    const metricsB = await runner(['metrics', straightReport.pack.id, '--json'], env('b'));
    expect(metricsA.code, metricsA.stderr).toBe(0);
    expect(metricsB.code, metricsB.stderr).toBe(0);
    expect(metricsA.stdout.length).toBeGreaterThan(100);
    expect(metricsA.stdout).toBe(metricsB.stdout);
  }, 600_000);
});
