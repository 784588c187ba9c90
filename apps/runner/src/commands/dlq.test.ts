import { runNightly } from '@truth-spine/orchestrator';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { dbTimeoutMs, fakeStepBodies, recordingIo } from './dbTestSupport.js';
import { createDlqCommand, dlqCommand } from './dlq.js';

const fast = { retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1, factor: 1 } };

describe.each(testDatabaseKinds())('dlq on %s', (kind) => {
  let t: TestDatabase;
  let runId: string;
  beforeAll(async () => {
    t = await openTestDatabase(kind, process.env, { onDisk: true });
    const failing = fakeStepBodies({
      prewarm_factors: async () => {
        throw new Error('FRED timeout');
      },
    });
    runId = (await runNightly(t.db, failing, { asOf: '2024-03-27' }, fast)).report.run_id;
    await t.db.close();
  }, dbTimeoutMs);
  afterAll(async () => t?.dispose(), dbTimeoutMs);

  it(
    'lists the dead letter, replays it once, and refuses a second replay',
    async () => {
      const env = { DATABASE_URL: t.url, STEP_RETRY_INITIAL_MS: '1', STEP_RETRY_MAX_MS: '1' };
      const list = recordingIo(env);
      expect(await runCli(['dlq', 'list', '--json'], list, [dlqCommand])).toBe(0);
      const { dead_letters: letters } = JSON.parse(list.out()) as {
        dead_letters: {
          id: number;
          step: string;
          runId: string;
          error: string;
          attempts: number;
        }[];
      };
      expect(letters.map((l) => [l.step, l.runId, l.error, l.attempts])).toEqual([
        ['prewarm_factors', runId, 'FRED timeout', 2],
      ]);
      const id = String(letters[0]!.id);

      const wired = createDlqCommand(async () => fakeStepBodies());
      const replay = recordingIo(env);
      expect(await runCli(['dlq', 'replay', id], replay, [wired])).toBe(0);
      expect(replay.out()).toBe(`dead letter ${id}: run ${runId}: succeeded\n`);
      const again = recordingIo(env);
      expect(await runCli(['dlq', 'replay', id], again, [wired])).toBe(1);
      expect(again.err()).toMatch(new RegExp(`dead letter ${id} was already replayed`));

      const human = recordingIo(env);
      expect(await runCli(['dlq', 'list'], human, [dlqCommand])).toBe(0);
      expect(human.out()).toBe('no dead letters\n');
      const all = recordingIo(env);
      expect(await runCli(['dlq', 'list', '--all'], all, [dlqCommand])).toBe(0);
      expect(all.out()).toContain(
        `prewarm_factors  2024-03-27  attempts 2  FRED timeout  replayed: run ${runId}: succeeded`,
      );

      const unknown = recordingIo(env);
      expect(await runCli(['dlq', 'replay', '99999'], unknown, [wired])).toBe(64);
      expect(unknown.err()).toContain('no dead letter with id 99999');
    },
    dbTimeoutMs,
  );
});
