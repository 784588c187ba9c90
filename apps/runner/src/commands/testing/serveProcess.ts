import { expect } from 'vitest';
import { startRunner } from './runnerProcess.js';

/**
 * Starts `runner serve` as a real process (any free port, no catch-up, JSON logs), runs
 * `work` with its port once it listens, then stops it with SIGTERM and expects exit 0.
 */
export async function withServe<T>(
  env: Record<string, string>,
  work: (port: number) => Promise<T>,
): Promise<T> {
  const serve = startRunner(['serve'], {
    ...env,
    HTTP_PORT: '0',
    CATCH_UP_MAX_DAYS: '0',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let seen = '';
      serve.child.stderr?.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /"port":(\d+)[^\n]*HTTP endpoints listening/.exec(seen);
        if (match !== null) resolve(Number(match[1]));
      });
      void serve.exit.then((exit) => reject(new Error(`serve exited early: ${exit.stderr}`)));
    });
    return await work(port);
  } finally {
    serve.child.kill('SIGTERM');
    const exit = await serve.exit;
    expect(exit.code, exit.stderr).toBe(0);
  }
}
