import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCopy, type DemoCopy, type Freshness, type RunReport } from '@truth-spine/orchestrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTimeoutMs } from './dbTestSupport.js';
import { runRunner } from './testing/runnerProcess.js';

const D = '2024-03-08';
const LEDGER = 'ledgers/P-USD-GROWTH.beancount';
const BOOKS = 'transactions/P-USD-GROWTH.csv';
const FEE_ROW = 'P-USD-GROWTH-0003,2019-01-03,2019-01-03,fee,AAPL,,,-4.95,USD';

interface Status {
  runs: RunReport[];
  latest_pack: Freshness;
  input_changes: { since_run: string; portfolios: unknown[] } | null;
}

describe('nightly of a finished date notices edited ledgers and books (processes)', () => {
  let demo: DemoCopy;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    demo = await demoCopy(['P-USD-GROWTH', 'P-USD-INCOME']);
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-inputs-'));
    env = {
      BOOKS_DIR: demo.booksDir,
      LEDGER_DIR: demo.ledgerDir,
      OFFLINE_DATA_DIR: demo.marketDir,
      DATABASE_URL: `pglite://${join(dir, 'db')}`,
    };
  });
  afterAll(async () => {
    await demo.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const status = async (): Promise<Status> => {
    const child = await runRunner(['status', '--json'], env);
    expect(child.code, child.stderr).toBe(0);
    return JSON.parse(child.stdout) as Status;
  };

  it(
    'unchanged → no-op; ledger edited → status says so and nightly runs again from reconcile_ledger on the same pack; books edited → blocked run naming them',
    async () => {
      const first = await runRunner(['nightly', '--date', D, '--json'], env);
      expect(first.code, first.stderr).toBe(0);
      const night = JSON.parse(first.stdout) as RunReport;
      expect(night.input_changes).toBeNull();

      const same = await runRunner(['nightly', '--date', D], env);
      expect(same.code).toBe(0);
      expect(same.stdout).toContain(`nothing to do: ${D} already succeeded (run ${night.run_id})`);
      expect((await status()).input_changes).toBeNull();

      // an edit that changes the bytes but not the reconciliation (a comment)
      await demo.edit(LEDGER, (text) => `${text}\n; reviewed by the auditor\n`);
      const changed = await status();
      expect(changed.input_changes).toEqual({
        since_run: night.run_id,
        as_of: D,
        portfolios: [{ portfolio_id: 'P-USD-GROWTH', ledger: true, books: false, added: false }],
      });
      const text = await runRunner(['status'], env);
      expect(text.stdout).toContain(
        `ledger changed since run ${night.run_id} (${D}): P-USD-GROWTH (ledger)`,
      );

      const again = await runRunner(['nightly', '--date', D], env);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(
        new RegExp(
          `inputs changed since run ${night.run_id}: P-USD-GROWTH \\(ledger\\); ran ${D} again from reconcile_ledger on its pack`,
        ),
      );
      const rerun = (await status()).runs[0]!;
      expect(rerun.run_id).not.toBe(night.run_id);
      expect(rerun.status).toBe('succeeded');
      expect(rerun.pack?.id).toBe(night.pack?.id);
      expect(rerun.input_changes?.since_run).toBe(night.run_id);
      expect(rerun.steps[0]?.details).toMatchObject({ copied_from_run: night.run_id });
      expect(rerun.steps.map((s) => s.status)).toEqual(Array(7).fill('succeeded'));

      // reconciled again: the edit is now what the latest run saw — a no-op once more
      expect((await status()).input_changes).toBeNull();
      const noop = await runRunner(['nightly', '--date', D], env);
      expect(noop.stdout).toContain(`nothing to do: ${D} already succeeded (run ${rerun.run_id})`);

      // the books now disagree with the ledger (a fee of 9.95 against 4.95), loaded into the
      // store: nightly without --force notices, runs again and blocks; the gate says so
      await demo.edit(BOOKS, (text) => text.replace(FEE_ROW, FEE_ROW.replace('-4.95', '-9.95')));
      const load = await runRunner(['db', 'load-books'], env);
      expect(load.code, load.stderr).toBe(0);
      expect((await status()).input_changes?.portfolios).toEqual([
        { portfolio_id: 'P-USD-GROWTH', ledger: false, books: true, added: false },
      ]);
      const blocked = await runRunner(['nightly', '--date', D, '--json'], env);
      expect(blocked.code, blocked.stderr).toBe(2);
      const report = JSON.parse(blocked.stdout) as RunReport;
      expect(report.input_changes).toEqual({
        since_run: rerun.run_id,
        as_of: D,
        portfolios: [{ portfolio_id: 'P-USD-GROWTH', ledger: false, books: true, added: false }],
      });
      expect(report.blocked_at).toBe('reconcile_ledger');
      expect((await status()).latest_pack).toMatchObject({
        status: 'blocked',
        blocked: { run_id: report.run_id, step: 'reconcile_ledger' },
      });
    },
    dbTimeoutMs * 2,
  );
});
