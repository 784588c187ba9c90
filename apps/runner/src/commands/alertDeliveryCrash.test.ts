import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { demoCopy, type DemoCopy, type RunReport } from '@truth-spine/orchestrator';
import { DatabaseAlertStore } from '@truth-spine/alerts';
import { openDatabase, type Database } from '@truth-spine/store';
import {
  openTestDatabase,
  testDatabaseKinds,
  type TestDatabaseKind,
} from '@truth-spine/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTimeoutMs } from './dbTestSupport.js';
import {
  runRunner,
  startRunner,
  type RunnerExit,
  type RunnerProcess,
} from './testing/runnerProcess.js';
import { StallingReceiver } from './testing/stallingReceiver.js';

const D = '2024-03-08';
const SECRET = 'crash-test-secret';
/** Holds on the demo night (volatility.1Y of P-USD-GROWTH is about 0.11): one event. */
const RULES = {
  rules: [
    {
      id: 'vol-any',
      kind: 'metric',
      metric: 'volatility.1Y',
      op: '>',
      threshold: 0,
      scope: 'P-USD-GROWTH',
      severity: 'warning',
      channels: ['webhook', 'outbox'],
      cooldown: '7d',
    },
  ],
};

/**
 * Test-only trigger: while `test_stall_delivery` names a channel, recording a `delivered`
 * outcome of that channel's attempt (`recordAttemptFinished`, an UPDATE of
 * `alert_deliveries`) sleeps two minutes before it can commit — the window between "the
 * channel accepted the event" and "the store knows it", where the test kills the runner.
 */
const STALL_SQL = [
  'create table test_stall_delivery (channel text primary key)',
  `create function test_stall_delivered() returns trigger language plpgsql as $$
   begin
     if new.status = 'delivered' and exists (select 1 from test_stall_delivery where channel = new.channel) then
       perform pg_sleep(120);
     end if;
     return new;
   end $$`,
  `create trigger test_stall_delivered before update on alert_deliveries
     for each row execute function test_stall_delivered()`,
];

/** The database a scenario runs on, reachable from the test between (and, on PostgreSQL, during) runs. */
interface CrashDatabase {
  readonly url: string;
  /** Runs `fn` on a handle; on PGlite only while no runner has the directory open. */
  use<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  /**
   * Resolves once the runner's "delivered" UPDATE sits in the stall trigger. PostgreSQL: its
   * backend shows `wait_event = 'PgSleep'`. PGlite runs inside the child, so the test can
   * only give the child time to read the answer: 3 s, far inside the 120 s stall.
   */
  stalledInTrigger(): Promise<void>;
  /**
   * After the runner was killed: PostgreSQL would still finish the orphaned UPDATE when the
   * sleep ends (it does not watch the dead client's socket), so the backend is terminated —
   * its transaction rolls back, as the process's own uncommitted work does on PGlite.
   */
  abortOrphans(): Promise<void>;
  dispose(): Promise<void>;
}

async function crashDatabase(kind: TestDatabaseKind): Promise<CrashDatabase> {
  if (kind === 'postgres') {
    const t = await openTestDatabase('postgres');
    for (const statement of STALL_SQL) await t.db.query(statement);
    const sleepers = () =>
      t.db.query<{ pid: number }>(
        `select pid from pg_stat_activity
          where datname = current_database() and wait_event = 'PgSleep' and pid <> pg_backend_pid()`,
      );
    return {
      url: t.url,
      use: (fn) => fn(t.db),
      stalledInTrigger: async () => {
        for (let i = 0; i < 600 && (await sleepers()).length === 0; i++) await wait(100);
        expect(await sleepers()).toHaveLength(1);
      },
      abortOrphans: async () => {
        for (const { pid } of await sleepers()) {
          await t.db.query('select pg_terminate_backend($1)', [pid]);
        }
        for (let i = 0; i < 100 && (await sleepers()).length > 0; i++) await wait(100);
        expect(await sleepers()).toEqual([]);
      },
      dispose: () => t.dispose(),
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'truth-spine-crash-'));
  const url = `pglite://${join(dir, 'db')}`;
  const use = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    const db = await openDatabase(url);
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };
  await use(async (db) => {
    for (const statement of STALL_SQL) await db.query(statement);
  });
  return {
    url,
    use,
    stalledInTrigger: () => wait(3_000),
    abortOrphans: () => Promise.resolve(),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Resolves with `event`'s value, or fails naming `what` when the runner ends first. */
async function beforeExit<T>(runner: RunnerProcess, event: Promise<T>, what: string): Promise<T> {
  const ended = runner.exit.then((exit: RunnerExit) => {
    throw new Error(`runner ended (code ${exit.code}) before ${what}:\n${exit.stderr}`);
  });
  return Promise.race([event, ended]);
}

async function outboxLines(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '');
  } catch {
    return [];
  }
}

async function lineAppears(path: string, key: string): Promise<void> {
  while (!(await outboxLines(path)).some((line) => line.includes(key))) await wait(50);
}

/** Attempts per channel as `attempt:status`, and the channels marked delivered. */
async function storeState(
  db: CrashDatabase,
): Promise<{ keys: string[]; attempts: Record<string, string[]>; delivered: string[] }> {
  return db.use(async (handle) => {
    const store = new DatabaseAlertStore(handle);
    const attempts: Record<string, string[]> = {};
    for (const a of await store.listAttempts()) {
      (attempts[a.channel] ??= []).push(`${a.attempt}:${a.status}`);
    }
    return {
      keys: (await store.listEvents()).map((e) => e.idempotencyKey),
      attempts,
      delivered: (await store.listDelivered()).map((d) => d.channel).sort(),
    };
  });
}

describe.each(testDatabaseKinds())(
  'alert delivery across kill -9 of the runner (nightly as a process, %s)',
  (kind) => {
    let demo: DemoCopy;
    let dir: string;
    let receiver: StallingReceiver;
    let db: CrashDatabase;
    beforeAll(async () => {
      demo = await demoCopy(['P-USD-GROWTH']);
      dir = await mkdtemp(join(tmpdir(), 'truth-spine-crash-alerts-'));
      await writeFile(join(dir, 'rules.json'), JSON.stringify(RULES));
      receiver = await StallingReceiver.start();
      db = await crashDatabase(kind);
    }, dbTimeoutMs);
    afterAll(async () => {
      await receiver?.close();
      await db?.dispose();
      await demo?.dispose();
      await rm(dir, { recursive: true, force: true });
    }, dbTimeoutMs);

    it(
      'killed with the POST in flight, after the 200 and after the outbox line: each rerun re-sends the same key, the receiver sees one distinct key, the outbox holds one line',
      async () => {
        const outbox = join(dir, 'outbox.jsonl');
        const env = {
          DATABASE_URL: db.url,
          BOOKS_DIR: demo.booksDir,
          LEDGER_DIR: demo.ledgerDir,
          OFFLINE_DATA_DIR: demo.marketDir,
          ALERT_RULES: join(dir, 'rules.json'),
          ALERT_WEBHOOK_URL: receiver.url,
          ALERT_WEBHOOK_SECRET: SECRET,
          ALERT_OUTBOX: outbox,
        };
        const stallChannel = (channel: string | null) =>
          db.use(async (handle) => {
            await handle.query('delete from test_stall_delivery');
            if (channel !== null) {
              await handle.query('insert into test_stall_delivery values ($1)', [channel]);
            }
          });

        // 1. the receiver has the POST and never answers: kill -9 while it is in flight
        receiver.stall(true);
        const first = startRunner(['nightly', '--date', D], env);
        await beforeExit(first, receiver.nextRequest(), 'the webhook POST');
        first.kill();
        expect((await first.exit).signal).toBe('SIGKILL');
        receiver.stall(false);
        const afterInFlight = await storeState(db);
        expect(afterInFlight.keys).toHaveLength(1);
        const key = afterInFlight.keys[0] ?? '';
        expect(afterInFlight.attempts).toEqual({ webhook: ['1:attempting'] });
        expect(afterInFlight.delivered).toEqual([]);

        // 2. the rerun re-sends; the receiver answers 200; kill before the store records it
        await stallChannel('webhook');
        const second = startRunner(['nightly', '--date', D], env);
        await beforeExit(second, receiver.nextAnswer(), 'the webhook answer');
        await db.stalledInTrigger();
        second.kill();
        expect((await second.exit).signal).toBe('SIGKILL');
        await db.abortOrphans();
        const afterAnswer = await storeState(db);
        expect(afterAnswer.attempts).toEqual({ webhook: ['1:attempting', '2:attempting'] });
        expect(afterAnswer.delivered).toEqual([]);

        // 3. the next rerun re-sends again (delivered now), writes the outbox line, and is
        //    killed before the store records the outbox delivery
        await stallChannel('outbox');
        const third = startRunner(['nightly', '--date', D], env);
        await beforeExit(third, lineAppears(outbox, key), 'the outbox line');
        await db.stalledInTrigger();
        third.kill();
        expect((await third.exit).signal).toBe('SIGKILL');
        await db.abortOrphans();
        const afterLine = await storeState(db);
        expect(afterLine.attempts).toEqual({
          webhook: ['1:attempting', '2:attempting', '3:delivered'],
          outbox: ['1:attempting'],
        });
        expect(afterLine.delivered).toEqual(['webhook']);
        expect(await outboxLines(outbox)).toHaveLength(1);

        // 4. the interrupted night completes: nothing is sent twice to either channel
        await stallChannel(null);
        const resumed = await runRunner(['nightly', '--date', D, '--json'], env);
        expect(resumed.code, resumed.stderr).toBe(0);
        expect((JSON.parse(resumed.stdout) as RunReport).status).toBe('succeeded');
        const done = await storeState(db);
        expect(done.keys).toEqual([key]);
        expect(done.attempts).toEqual({
          webhook: ['1:attempting', '2:attempting', '3:delivered'],
          outbox: ['1:attempting', '2:delivered'],
        });
        expect(done.delivered).toEqual(['outbox', 'webhook']);

        // 5. a --force re-run of the night records and sends nothing new
        const forced = await runRunner(['nightly', '--date', D, '--force', '--json'], env);
        expect(forced.code, forced.stderr).toBe(0);
        const step = (JSON.parse(forced.stdout) as RunReport).steps.find(
          (s) => s.name === 'evaluate_alerts',
        );
        expect(step?.details).toMatchObject({ fired: 0, already_recorded: 1, delivered: 0 });

        // the webhook got three POSTs (one per attempt), all of the same event: one distinct
        // Idempotency-Key, byte-identical bodies, each signed with the secret
        expect(receiver.requests).toHaveLength(3);
        const keys = new Set(receiver.requests.map((r) => r.headers['idempotency-key']));
        expect([...keys]).toEqual([key]);
        expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
        for (const request of receiver.requests) {
          const expected = createHmac('sha256', SECRET).update(request.body, 'utf8').digest('hex');
          expect(request.headers['x-signature']).toBe(`sha256=${expected}`);
          expect((JSON.parse(request.body) as { idempotencyKey: string }).idempotencyKey).toBe(key);
        }
        // the outbox: exactly one line, for that event, the same text as the webhook body
        const lines = await outboxLines(outbox);
        expect(lines).toEqual([receiver.requests[0]?.body]);
      },
      dbTimeoutMs * 4,
    );
  },
);
