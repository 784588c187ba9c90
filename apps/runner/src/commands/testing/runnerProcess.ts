import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../main.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

/** How a runner child process ended and what it printed. */
export interface RunnerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running `runner <args>` child: `kill()` sends SIGKILL (kill -9); `exit` settles when it has ended. */
export interface RunnerProcess {
  readonly child: ChildProcess;
  readonly exit: Promise<RunnerExit>;
  kill(): void;
}

/**
 * Starts `runner <args>` as a real child process (node + tsx, source condition, from the
 * repository root) with `env` over the test's environment, `LOG_LEVEL=warn` and
 * `STEP_MAX_ATTEMPTS=1` unless `env` sets them.
 */
export function startRunner(args: readonly string[], env: Record<string, string>): RunnerProcess {
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
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<RunnerExit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    exit,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** Runs `runner <args>` to its end. */
export function runRunner(
  args: readonly string[],
  env: Record<string, string>,
): Promise<RunnerExit> {
  return startRunner(args, env).exit;
}
