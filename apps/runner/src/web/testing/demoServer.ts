import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCopy, type DemoCopy } from '@truth-spine/orchestrator';
import {
  runRunner,
  startRunner,
  type RunnerExit,
  type RunnerProcess,
} from '../../commands/testing/runnerProcess.js';

/** The bundled demo's four portfolios. */
export const demoPortfolioIds = ['P-USD-GROWTH', 'P-USD-INCOME', 'P-EUR-GLOBAL', 'P-GBP-UK'];

/** A copy of the demo data with its own embedded database, driven through the real CLI. */
export interface DemoWorkspace {
  readonly demo: DemoCopy;
  readonly env: Record<string, string>;
  /** `runner <args>` to its end (exit code, stdout, stderr). */
  run(args: readonly string[], env?: Record<string, string>): Promise<RunnerExit>;
  /** `runner serve` as a child process; resolves once it listens. */
  serve(env?: Record<string, string>): Promise<ServeProcess>;
  dispose(): Promise<void>;
}

/** A running `serve` child. */
export interface ServeProcess {
  readonly baseUrl: string;
  readonly process: RunnerProcess;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<RunnerExit>;
}

/**
 * A demo workspace: `data/demo` copied (portfolios.json edited by `editPortfolios` if
 * given), a PGlite database in a temporary directory, the schedule out of the way (no
 * catch-up, a cron that does not fire during a test).
 */
export async function demoWorkspace(
  editPortfolios?: (text: string) => string,
): Promise<DemoWorkspace> {
  const demo = await demoCopy(demoPortfolioIds);
  if (editPortfolios !== undefined) await demo.edit('portfolios.json', editPortfolios);
  const dir = await mkdtemp(join(tmpdir(), 'truth-spine-web-'));
  const env = {
    DATABASE_URL: `pglite://${join(dir, 'db')}`,
    BOOKS_DIR: demo.booksDir,
    LEDGER_DIR: demo.ledgerDir,
    OFFLINE_DATA_DIR: demo.marketDir,
    CATCH_UP_MAX_DAYS: '0',
    SCHEDULE_CRON: '0 0 1 1 *',
    ALERT_OUTBOX: join(dir, 'outbox.jsonl'),
  };
  return {
    demo,
    env,
    run: (args, extra = {}) => runRunner(args, { ...env, ...extra }),
    serve: (extra = {}) => startServe({ ...env, ...extra }),
    dispose: async () => {
      await demo.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function startServe(env: Record<string, string>): Promise<ServeProcess> {
  const child = startRunner(['serve'], {
    HTTP_PORT: '0',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    ...env,
  });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const line = seen.split('\n').find((l) => l.includes('"HTTP endpoints listening'));
      if (line !== undefined) resolve((JSON.parse(line) as { port: number }).port);
    });
    void child.exit.then((exit) =>
      reject(new Error(`serve exited (${String(exit.code)}) before listening:\n${exit.stderr}`)),
    );
  });
  const host = env['HTTP_HOST'] ?? '127.0.0.1';
  return {
    baseUrl: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    process: child,
    stop: async () => {
      child.child.kill('SIGTERM');
      return child.exit;
    },
  };
}

/** The demo ledger {@link withUnbookedDeposit} edits. */
export const unbookedDepositLedger = 'ledgers/P-USD-GROWTH.beancount';

/** The ledger with a deposit the books do not have, dated 2024-03-08 (the night before is unaffected). */
export function withUnbookedDeposit(text: string): string {
  return text
    .replace(
      '2024-03-09 balance Assets:P-USD-GROWTH:Cash:USD  46684.41 USD',
      '2024-03-09 balance Assets:P-USD-GROWTH:Cash:USD  47684.41 USD',
    )
    .concat(
      '\n2024-03-08 * "Deposit USD 1000.00"\n  external_id: "P-USD-GROWTH-9999"\n' +
        '  Assets:P-USD-GROWTH:Cash:USD  1000.00 USD\n  Equity:P-USD-GROWTH:Contributions  -1000.00 USD\n',
    );
}
