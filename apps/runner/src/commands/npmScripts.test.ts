import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestDatabase, type TestDatabase } from '@truth-spine/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTimeoutMs } from './dbTestSupport.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const npmCli = process.env['npm_execpath'];

/** The pids of `pid`'s descendants (from /proc: Linux). */
async function descendants(pid: number): Promise<number[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) {
      if (parent === p) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Starts `npm run <script>` the way a supervisor does (its own process, no terminal), waits
 * until stderr matches `ready`, sends SIGTERM to the npm process only and returns how long
 * it took to exit and whether any process it had started was left behind.
 */
async function startThenTerminate(
  script: string,
  env: Record<string, string>,
  ready: RegExp,
  whileUp?: (stderr: string) => Promise<void>,
) {
  const npm: ChildProcess =
    npmCli === undefined
      ? spawn('npm', ['run', '--silent', script], {
          cwd: repoRoot,
          env: { ...process.env, ...env },
        })
      : spawn(process.execPath, [npmCli, 'run', '--silent', script], {
          cwd: repoRoot,
          env: { ...process.env, ...env },
        });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    npm.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (ready.test(stderr)) resolve();
    });
    void exited.then(() => reject(new Error(`npm run ${script} exited early:\n${stderr}`)));
  });
  const started = await descendants(npm.pid!);
  expect(started.length).toBeGreaterThan(0);
  await whileUp?.(stderr);
  const signalledAt = performance.now();
  npm.kill('SIGTERM');
  const code = await exited;
  const seconds = (performance.now() - signalledAt) / 1000;
  // give an orphan a moment to show itself
  await new Promise((r) => setTimeout(r, 1_000));
  return { code, seconds, leftBehind: started.filter(alive), stderr };
}

describe('npm run serve from a fresh clone (no build) as a supervisor runs it', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-npm-serve-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it(
    'starts from the sources, answers /health/pack, and SIGTERM to npm stops it with no process left',
    async () => {
      let port = 0;
      const result = await startThenTerminate(
        'serve',
        {
          DATABASE_URL: `pglite://${join(dir, 'db')}`,
          HTTP_PORT: '0',
          CATCH_UP_MAX_DAYS: '0',
          LOG_FORMAT: 'json',
          LOG_LEVEL: 'info',
        },
        /"port":\d+[^\n]*HTTP endpoints listening/,
        async (stderr) => {
          port = Number(/"port":(\d+)[^\n]*HTTP endpoints listening/.exec(stderr)?.[1]);
          const health = await fetch(`http://127.0.0.1:${port}/health/pack`);
          expect(health.status).toBe(503);
          expect(await health.json()).toMatchObject({ status: 'none' });
        },
      );
      expect(result.stderr).not.toMatch(/Cannot find module/);
      expect(result.code, result.stderr).toBe(0);
      expect(result.seconds).toBeLessThan(30);
      expect(result.leftBehind).toEqual([]);
      await expect(fetch(`http://127.0.0.1:${port}/health/pack`)).rejects.toThrow();
      expect(result.stderr).toMatch(/"msg":"stopped"/);
    },
    dbTimeoutMs,
  );
});

describe.runIf(process.env['TEST_DATABASE_URL'])('npm run worker on PostgreSQL', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
  }, dbTimeoutMs);
  afterAll(async () => t.dispose());

  it(
    'SIGTERM to npm stops the worker cleanly with no process left',
    async () => {
      const result = await startThenTerminate(
        'worker',
        { DATABASE_URL: t.url, LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
        /batch worker started/,
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.seconds).toBeLessThan(30);
      expect(result.leftBehind).toEqual([]);
    },
    dbTimeoutMs,
  );
});
