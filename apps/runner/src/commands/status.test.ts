import { runNightly } from '@truth-spine/orchestrator';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { dbTimeoutMs, fakeStepBodies, recordingIo } from './dbTestSupport.js';
import { statusCommand } from './status.js';

const fast = { retry: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1, factor: 1 } };

describe.each(testDatabaseKinds())('status on %s', (kind) => {
  let t: TestDatabase;
  let succeededRun: string;
  let blockedRun: string;
  beforeAll(async () => {
    t = await openTestDatabase(kind, process.env, { onDisk: true });
    const clockAt = (iso: string) => ({ clock: { now: () => new Date(iso) } });
    succeededRun = (
      await runNightly(
        t.db,
        fakeStepBodies(),
        { asOf: '2024-03-27' },
        { ...fast, ...clockAt('2024-03-28T00:05:00Z') },
      )
    ).report.run_id;
    const breaks = fakeStepBodies({
      reconcile_ledger: async () => ({ status: 'failed', error: 'P-1: SPY units 10 ≠ ledger 9' }),
    });
    blockedRun = (
      await runNightly(
        t.db,
        breaks,
        { asOf: '2024-03-28' },
        { ...fast, ...clockAt('2024-03-29T00:05:00Z') },
      )
    ).report.run_id;
    await t.db.close();
  }, dbTimeoutMs);
  afterAll(async () => t?.dispose(), dbTimeoutMs);

  it(
    'prints runs newest first and the latest pack as JSON',
    async () => {
      const io = recordingIo({ DATABASE_URL: t.url });
      expect(await runCli(['status', '--json'], io, [statusCommand])).toBe(0);
      const status = JSON.parse(io.out()) as {
        runs: {
          run_id: string;
          status: string;
          blocked_at: string | null;
          steps: { name: string; status: string }[];
        }[];
        latest_pack: Record<string, unknown>;
        distributed: unknown;
      };
      expect(Object.keys(status)).toEqual(['runs', 'latest_pack', 'input_changes', 'distributed']);
      // No distributed run and no worker on this store.
      expect(status.distributed).toEqual({ run_id: null, steps: {}, workers: [] });
      expect(status.runs.map((r) => [r.run_id, r.status, r.blocked_at])).toEqual([
        [blockedRun, 'blocked', 'reconcile_ledger'],
        [succeededRun, 'succeeded', null],
      ]);
      expect(Object.keys(status.runs[0]!)).toEqual([
        'run_id',
        'as_of',
        'status',
        'trigger',
        'started_at',
        'finished_at',
        'blocked_at',
        'deadlines',
        'pack',
        'steps',
        'input_changes',
      ]);
      expect(status.runs[0]!.steps.map((s) => s.status)).toEqual([
        'succeeded',
        'failed',
        'blocked',
        'blocked',
        'blocked',
        'blocked',
        'blocked',
      ]);
      // the pack row is still warming; the gate names the run that blocked it
      expect(status.latest_pack).toEqual({
        pack_id: 'PK-2024-03-28-v1',
        as_of: '2024-03-28',
        status: 'blocked',
        hash: 'sha-2024-03-28',
        fresh_at: null,
        blocked: {
          run_id: blockedRun,
          step: 'reconcile_ledger',
          reason: 'P-1: SPY units 10 ≠ ledger 9',
        },
      });
    },
    dbTimeoutMs,
  );

  it(
    'prints a readable summary without --json, and exits 64 on a bad option',
    async () => {
      const io = recordingIo({ DATABASE_URL: t.url });
      expect(await runCli(['status', '--limit', '1'], io, [statusCommand])).toBe(0);
      expect(io.out()).toBe(
        `latest pack: PK-2024-03-28-v1 as of 2024-03-28 blocked by run ${blockedRun} at reconcile_ledger (P-1: SPY units 10 ≠ ledger 9) sha256 sha-2024-03-28\n` +
          `2024-03-29T00:05:00.000Z  2024-03-28  blocked at reconcile_ledger  manual  ${blockedRun}\n`,
      );
      const bad = recordingIo({ DATABASE_URL: t.url });
      expect(await runCli(['status', '--limit', 'x'], bad, [statusCommand])).toBe(64);
    },
    dbTimeoutMs,
  );
});
