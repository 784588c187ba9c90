import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  demoCopy,
  withoutTransaction,
  type DemoCopy,
  type Freshness,
  type RunReport,
} from '@truth-spine/orchestrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTimeoutMs } from './dbTestSupport.js';
import { runRunner } from './testing/runnerProcess.js';
import { withServe } from './testing/serveProcess.js';

const D = '2024-03-08';
const DIVIDEND = '2024-02-16 * "AAPL dividend USD 0.24 per share on 520 shares';

/** GET /health/pack of a `serve` process on the store of `env`. */
async function healthPack(env: Record<string, string>): Promise<{ code: number; body: Freshness }> {
  return withServe(env, async (port) => {
    const response = await fetch(`http://127.0.0.1:${port}/health/pack`);
    return { code: response.status, body: (await response.json()) as Freshness };
  });
}

async function latestPack(env: Record<string, string>): Promise<Freshness> {
  const status = await runRunner(['status', '--json'], env);
  expect(status.code, status.stderr).toBe(0);
  return (JSON.parse(status.stdout) as { latest_pack: Freshness }).latest_pack;
}

describe('the gate after a blocked re-run of a fresh pack (processes)', () => {
  let demo: DemoCopy;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    demo = await demoCopy(['P-USD-GROWTH']);
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-gate-'));
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

  it(
    'nightly --force blocked on the reused pack takes it out of fresh everywhere; a later good run on it makes it fresh again',
    async () => {
      const first = await runRunner(['nightly', '--date', D, '--json'], env);
      expect(first.code, first.stderr).toBe(0);
      const good = JSON.parse(first.stdout) as RunReport;
      expect(good.pack?.status).toBe('fresh');
      expect((await latestPack(env)).status).toBe('fresh');

      let original = '';
      await demo.edit('ledgers/P-USD-GROWTH.beancount', (text) => {
        original = text;
        return withoutTransaction(text, DIVIDEND);
      });
      const forced = await runRunner(['nightly', '--date', D, '--force', '--json'], env);
      expect(forced.code, forced.stderr).toBe(2);
      const blockedRun = JSON.parse(forced.stdout) as RunReport;
      expect(blockedRun.pack?.id).toBe(good.pack?.id);
      expect(blockedRun.pack?.status).toBe('blocked');
      expect(blockedRun.pack?.blocked).toMatchObject({
        run_id: blockedRun.run_id,
        step: 'reconcile_ledger',
      });
      expect(blockedRun.pack?.blocked?.reason).toMatch(/P-USD-GROWTH-0147/);

      const gate = await latestPack(env);
      expect(gate).toMatchObject({ pack_id: good.pack?.id, status: 'blocked' });
      expect(gate.blocked).toEqual(blockedRun.pack?.blocked);
      const text = await runRunner(['status'], env);
      expect(text.stdout).toMatch(
        new RegExp(
          `${good.pack?.id} as of ${D} blocked by run ${blockedRun.run_id} at reconcile_ledger`,
        ),
      );
      const health = await healthPack(env);
      expect(health.code).toBe(503);
      expect(health.body).toMatchObject({ status: 'blocked', blocked: gate.blocked });
      // the earlier good run's report tells the truth about the pack now, too
      const runs = JSON.parse((await runRunner(['status', '--json'], env)).stdout) as {
        runs: RunReport[];
      };
      expect(runs.runs.find((r) => r.run_id === good.run_id)?.pack?.status).toBe('blocked');

      await demo.edit('ledgers/P-USD-GROWTH.beancount', () => original);
      const again = await runRunner(['nightly', '--date', D, '--force', '--json'], env);
      expect(again.code, again.stderr).toBe(0);
      const fixed = JSON.parse(again.stdout) as RunReport;
      expect(fixed.pack).toMatchObject({ id: good.pack?.id, status: 'fresh', blocked: null });
      expect(await latestPack(env)).toMatchObject({ status: 'fresh', blocked: null });
      const healthy = await healthPack(env);
      expect(healthy.code).toBe(200);
      expect(healthy.body).toMatchObject({ status: 'fresh', blocked: null });
    },
    dbTimeoutMs * 2,
  );
});
