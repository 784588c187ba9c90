import { describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '@truth-spine/store/testing';
import { isDeadlock, openBatchQueue, STEP_BATCH_QUEUE } from './batchQueue.js';

describe('isDeadlock', () => {
  it("is PostgreSQL's 40P01 or its message, nothing else", () => {
    expect(isDeadlock({ code: '40P01', message: 'x' })).toBe(true);
    expect(isDeadlock(new Error('deadlock detected'))).toBe(true);
    expect(isDeadlock({ code: '40001', message: 'could not serialize access' })).toBe(false);
    expect(isDeadlock(new Error('connection refused'))).toBe(false);
    expect(isDeadlock(null)).toBe(false);
  });
});

const postgresOnly = testDatabaseKinds().filter((k) => k === 'postgres');

describe.each(postgresOnly)('openBatchQueue on %s', (kind) => {
  it('five processes starting at once on a database without pg-boss all get the queues (a coordinator and its workers)', async () => {
    // Seen before the retry: a worker and a coordinator started together, one failed with
    // "deadlock detected" in pg-boss's queue creation.
    for (let round = 0; round < 2; round++) {
      const t = await openTestDatabase(kind);
      const handles = await Promise.all(
        Array.from({ length: 5 }, async () => {
          const db = await t.openAnother({ migrate: false });
          return { db, queue: await openBatchQueue(db, t.url, { maintenanceIntervalSeconds: 1 }) };
        }),
      );
      try {
        const queues = await t.db.query<{ name: string; policy: string }>(
          'select name, policy from pgboss.queue order by name',
        );
        expect(queues).toEqual([
          { name: STEP_BATCH_QUEUE, policy: 'stately' },
          { name: `${STEP_BATCH_QUEUE}-failed`, policy: 'standard' },
        ]);
      } finally {
        for (const h of handles) {
          await h.queue.stop(5_000);
          await h.db.close();
        }
        await t.dispose();
      }
    }
  }, 180_000);
});
