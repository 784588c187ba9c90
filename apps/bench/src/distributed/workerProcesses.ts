import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runnerMain = fileURLToPath(new URL('../../../runner/src/main.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** K local `runner worker` processes. */
export interface WorkerProcesses {
  readonly pids: readonly number[];
  /** SIGTERM to each; resolves when all have exited. */
  stop(): Promise<void>;
}

/**
 * Starts `count` `runner worker` processes (node + tsx, source condition, from the
 * repository root) with `env` over this process's environment, and resolves once each has
 * said it is waiting for batches (fails if one exits first).
 */
export async function startWorkerProcesses(
  count: number,
  env: Record<string, string>,
): Promise<WorkerProcesses> {
  const children: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@truth-spine/source', runnerMain, 'worker'],
      {
        cwd: repoRoot,
        env: { ...process.env, LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    children.push(child);
    ready.push(
      new Promise((resolve, reject) => {
        let stderr = '';
        child.stderr?.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('waiting for batches')) resolve();
        });
        child.on('exit', (code) =>
          reject(new Error(`worker ${i + 1} exited with ${code} before it was ready:\n${stderr}`)),
        );
      }),
    );
  }
  try {
    await Promise.all(ready);
  } catch (error) {
    for (const c of children) c.kill('SIGKILL');
    throw error;
  }
  return {
    pids: children.map((c) => c.pid ?? -1),
    stop: async () => {
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null || c.signalCode !== null) return resolve();
              c.once('exit', () => resolve());
              c.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
