import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  demoCopy,
  readMetricSets,
  withoutTransaction,
  type DemoCopy,
  type RunReport,
} from '@truth-spine/orchestrator';
import { openDatabase } from '@truth-spine/store';
import { openTestDatabase } from '@truth-spine/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { dbTimeoutMs } from './dbTestSupport.js';
import { parseNightlyArgs } from './nightly.js';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const D = '2024-03-08';
const DIVIDEND = '2024-02-16 * "AAPL dividend USD 0.24 per share on 520 shares';

interface Child {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `runner <args>` as a child process (tsx, source condition). `killWhen` sends
 * SIGKILL as soon as stderr matches it.
 */
function runner(args: string[], env: Record<string, string>, killWhen?: RegExp): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@truth-spine/source', main, ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, LOG_LEVEL: 'warn', STEP_MAX_ATTEMPTS: '1', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (killWhen !== undefined && killWhen.test(stderr) && child.exitCode === null)
        child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function metricRows(url: string, packId: string): Promise<unknown[]> {
  const db = await openDatabase(url);
  try {
    return (await readMetricSets(db, packId)).flatMap((set) =>
      set.rows.map((r) => ({
        portfolio_id: set.portfolioId,
        metric: r.metric,
        value: r.value,
        reason: r.reason,
      })),
    );
  } finally {
    await db.close();
  }
}

describe('nightly arguments', () => {
  it('parses --date, --force and --json; anything else is a usage error', () => {
    expect(parseNightlyArgs(['--date', D, '--force', '--json'])).toEqual({
      date: D,
      force: true,
      json: true,
      distributed: false,
    });
    expect(parseNightlyArgs([])).toEqual({
      date: null,
      force: false,
      json: false,
      distributed: false,
    });
    expect(parseNightlyArgs(['--distributed']).distributed).toBe(true);
    expect(() => parseNightlyArgs(['--date', '2024-02-30'])).toThrow(UsageError);
    expect(() => parseNightlyArgs(['--date'])).toThrow(UsageError);
    expect(() => parseNightlyArgs(['--nope'])).toThrow(UsageError);
  });
});

describe('nightly as a process (trimmed demo: P-USD-GROWTH)', () => {
  let demo: DemoCopy;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    demo = await demoCopy(['P-USD-GROWTH']);
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-nightly-'));
    env = {
      BOOKS_DIR: demo.booksDir,
      LEDGER_DIR: demo.ledgerDir,
      OFFLINE_DATA_DIR: demo.marketDir,
    };
  });
  afterAll(async () => {
    await demo.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'a full night; killed with -9 mid-step, the next nightly gives the same pack hash and metrics as a clean run on a fresh database',
    async () => {
      const killedUrl = `pglite://${join(dir, 'killed')}`;
      const killed = await runner(
        ['nightly', '--date', D],
        { ...env, DATABASE_URL: killedUrl },
        /compute_daily_metrics running/,
      );
      expect(killed.signal).toBe('SIGKILL');
      const rerun = await runner(['nightly', '--date', D, '--json'], {
        ...env,
        DATABASE_URL: killedUrl,
      });
      const afterKill = JSON.parse(rerun.stdout) as RunReport;
      expect(afterKill.steps[0]?.details).toMatchObject({ reused: true });

      const cleanUrl = `pglite://${join(dir, 'clean')}`;
      const clean = await runner(['nightly', '--date', D, '--json'], {
        ...env,
        DATABASE_URL: cleanUrl,
      });
      const fresh = JSON.parse(clean.stdout) as RunReport;
      // a full happy night: every step succeeded, the pack is fresh, exit 0
      expect(clean.code).toBe(0);
      expect(fresh.status).toBe('succeeded');
      expect(fresh.steps.map((s) => s.status)).toEqual(Array(7).fill('succeeded'));
      expect(fresh.pack?.status).toBe('fresh');
      expect(fresh.pack?.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rerun.code).toBe(0);
      expect(afterKill.status).toBe('succeeded');
      expect(afterKill.pack?.hash).toBe(fresh.pack?.hash);
      expect(afterKill.pack?.id).toBe(fresh.pack?.id);
      const packId = fresh.pack?.id ?? '';
      const metricsAfterKill = await metricRows(killedUrl, packId);
      expect(metricsAfterKill.length).toBeGreaterThan(0);
      expect(metricsAfterKill).toEqual(await metricRows(cleanUrl, packId));
    },
    dbTimeoutMs * 2,
  );

  it(
    'a non-trading day is skipped with exit 0',
    async () => {
      const child = await runner(['nightly', '--date', '2024-03-09', '--json'], {
        ...env,
        DATABASE_URL: `pglite://${join(dir, 'killed')}`,
      });
      expect(child.code).toBe(0);
      const report = JSON.parse(child.stdout) as RunReport;
      expect(report.status).toBe('skipped');
      expect(report.steps[0]?.status).toBe('skipped');
    },
    dbTimeoutMs,
  );

  it(
    'a ledger with a dividend removed blocks the night (exit 2, steps 3–7 blocked, pack blocked); fixed, resume completes it',
    async () => {
      let original = '';
      await demo.edit('ledgers/P-USD-GROWTH.beancount', (text) => {
        original = text;
        return withoutTransaction(text, DIVIDEND);
      });
      const url = `pglite://${join(dir, 'tampered')}`;
      const outbox = join(dir, 'tampered-outbox.jsonl');
      const child = await runner(['nightly', '--date', D, '--json'], {
        ...env,
        DATABASE_URL: url,
        ALERT_OUTBOX: outbox,
      });
      expect(child.code).toBe(2);
      // step 7 never ran, yet the blocked night reached a person: one operational alert
      const alerts = (await readFile(outbox, 'utf8')).trim().split('\n');
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatch(/run_blocked/);
      expect(alerts[0]).toMatch(/reconcile_ledger/);
      const report = JSON.parse(child.stdout) as RunReport;
      expect(report.status).toBe('blocked');
      expect(report.blocked_at).toBe('reconcile_ledger');
      expect(report.steps.slice(2).every((s) => s.status === 'blocked')).toBe(true);
      expect(report.pack?.status).toBe('blocked');
      expect(report.pack?.blocked).toMatchObject({
        run_id: report.run_id,
        step: 'reconcile_ledger',
      });
      expect(report.steps[1]?.error).toMatch(/P-USD-GROWTH-0147/);

      // the person fixes the ledger and resumes the run: it completes on the same pack
      await demo.edit('ledgers/P-USD-GROWTH.beancount', () => original);
      const resumed = await runner(['resume', report.run_id, '--json'], {
        ...env,
        DATABASE_URL: url,
      });
      expect(resumed.code).toBe(0);
      const after = JSON.parse(resumed.stdout) as RunReport;
      expect(after.run_id).toBe(report.run_id);
      expect(after.status).toBe('succeeded');
      expect(after.pack?.id).toBe(report.pack?.id);
      expect(after.pack?.status).toBe('fresh');
      expect(after.pack?.blocked).toBeNull();
    },
    dbTimeoutMs * 2,
  );
});

describe.runIf(process.env['TEST_DATABASE_URL'])('two runners on PostgreSQL', () => {
  it(
    'exactly one runs; the other exits 3',
    async () => {
      const t = await openTestDatabase('postgres');
      const demo = await demoCopy(['P-USD-GROWTH']);
      try {
        const env = {
          DATABASE_URL: t.url,
          BOOKS_DIR: demo.booksDir,
          LEDGER_DIR: demo.ledgerDir,
          OFFLINE_DATA_DIR: demo.marketDir,
        };
        const [a, b] = await Promise.all([
          runner(['nightly', '--date', D, '--json'], env),
          runner(['nightly', '--date', D, '--json'], env),
        ]);
        const codes = [a.code, b.code];
        expect(codes.filter((c) => c === 3)).toHaveLength(1);
        const loser = a.code === 3 ? a : b;
        expect(loser.stderr).toMatch(/another pipeline run is in progress/);
        expect(loser.stdout).toBe('');
      } finally {
        await demo.dispose();
        await t.dispose();
      }
    },
    dbTimeoutMs,
  );
});
