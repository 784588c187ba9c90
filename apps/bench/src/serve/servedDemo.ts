import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const runnerMain = join(repoRoot, 'apps/runner/src/main.ts');

/** `runner serve` on a database holding one demo night. */
export interface ServedDemo {
  readonly baseUrl: string;
  readonly packId: string;
  readonly portfolioIds: readonly string[];
  /** CPU seconds (user + system) the serve process has used so far; null off Linux. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

function runner(args: readonly string[], env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@truth-spine/source', runnerMain, ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function finished(
  child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs the bundled demo's night (`runner nightly --json`, embedded database in a temporary
 * directory, or `database` when given), then starts `runner serve` on a free loopback port
 * with the schedule out of the way, and resolves once it listens.
 */
export async function serveDemoNight(database?: string): Promise<ServedDemo> {
  const dir = await mkdtemp(join(tmpdir(), 'truth-spine-bench-serve-'));
  const env = {
    DATABASE_URL: database ?? `pglite://${join(dir, 'db')}`,
    CATCH_UP_MAX_DAYS: '0',
    SCHEDULE_CRON: '0 0 1 1 *',
    ALERT_OUTBOX: join(dir, 'outbox.jsonl'),
  };
  const night = await finished(runner(['nightly', '--force', '--json'], env));
  if (night.code !== 0)
    throw new Error(`the demo night failed (exit ${String(night.code)}):\n${night.stderr}`);
  const packId = (JSON.parse(night.stdout) as { pack: { id: string } }).pack.id;
  const child = runner(['serve'], {
    ...env,
    HTTP_PORT: '0',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
  });
  const exit = finished(child);
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const line = seen.split('\n').find((l) => l.includes('"HTTP endpoints listening'));
      if (line !== undefined) resolve((JSON.parse(line) as { port: number }).port);
    });
    void exit.then((e) => reject(new Error(`serve exited before listening:\n${e.stderr}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const list = (await (await fetch(`${baseUrl}/api/v1/portfolios`)).json()) as {
    portfolios: { id: string }[];
  };
  return {
    baseUrl,
    packId,
    portfolioIds: list.portfolios.map((p) => p.id),
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: async () => {
      child.kill('SIGTERM');
      await exit;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** utime + stime of a Linux process from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s). */
function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
