import PgBoss from 'pg-boss';
import type { Database } from '@truth-spine/store';
import { DistributedNeedsPostgresError } from './distributedNeedsPostgresError.js';

/** The pg-boss queue carrying one job per batch (policy `stately`: a re-sent key is dropped). */
export const STEP_BATCH_QUEUE = 'truth-spine-step-batches';

/** Where pg-boss moves a batch job whose every attempt failed or expired. */
export const STEP_BATCH_DEAD_LETTER_QUEUE = 'truth-spine-step-batches-failed';

/** The pg-boss schema in the platform's database. */
export const PG_BOSS_SCHEMA = 'pgboss';

/**
 * What a batch job carries: the key of its step_batches row (the row holds the ids) and the
 * generation it was sent for (a job of an older generation than the row's is stale).
 */
export interface BatchJobData {
  readonly runId: string;
  readonly step: string;
  readonly batchNo: number;
  readonly generation: number;
}

/** Transport settings of batch jobs; every field has a default. */
export interface BatchQueueSettings {
  /** Attempts after the first one before a batch fails for good (default 2). */
  readonly retryLimit?: number;
  /** Seconds between attempts (default 5). */
  readonly retryDelaySeconds?: number;
  /**
   * Seconds an attempt may stay active before pg-boss treats its worker as dead and retries
   * the job elsewhere (default 900: far above a batch's run time; tests use a few seconds).
   */
  readonly expireInSeconds?: number;
  /** How often expired attempts are looked for (default 10 s; shared by all processes). */
  readonly maintenanceIntervalSeconds?: number;
  /** How often an idle worker polls (default 1 s). */
  readonly pollingIntervalSeconds?: number;
}

/** The settings with their defaults filled in. */
export function batchQueueSettings(
  settings: BatchQueueSettings = {},
): Required<BatchQueueSettings> {
  return {
    retryLimit: settings.retryLimit ?? 2,
    retryDelaySeconds: settings.retryDelaySeconds ?? 5,
    expireInSeconds: settings.expireInSeconds ?? 900,
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds ?? 10,
    pollingIntervalSeconds: settings.pollingIntervalSeconds ?? 1,
  };
}

/** An open pg-boss on the platform database with the batch queues created. */
export interface BatchQueue {
  readonly boss: PgBoss;
  readonly settings: Required<BatchQueueSettings>;
  /** Stops pg-boss (waits for running handlers up to `timeoutMs`, default 30 s). */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts pg-boss on `databaseUrl` (schema `pgboss`, installed on first use) and creates the
 * batch queue (`stately`, dead letters to {@link STEP_BATCH_DEAD_LETTER_QUEUE}). `db` must be
 * PostgreSQL: the embedded PGlite store is single-process ({@link DistributedNeedsPostgresError}).
 */
export async function openBatchQueue(
  db: Database,
  databaseUrl: string | undefined,
  settings: BatchQueueSettings = {},
): Promise<BatchQueue> {
  if (db.kind !== 'postgres' || databaseUrl === undefined) {
    throw new DistributedNeedsPostgresError(db.description);
  }
  const resolved = batchQueueSettings(settings);
  const boss = await startedBoss(databaseUrl, resolved.maintenanceIntervalSeconds);
  return {
    boss,
    settings: resolved,
    stop: (timeoutMs = 30_000) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs }),
  };
}

/** How often starting pg-boss is tried when PostgreSQL reports a deadlock. */
const START_ATTEMPTS = 6;

/**
 * pg-boss started with the two batch queues created. Processes starting together on a
 * database without the queues yet (a coordinator and its workers) can deadlock each other in
 * pg-boss's schema and queue creation — PostgreSQL aborts one with SQLSTATE 40P01 — so that
 * start is retried (a fresh instance, after a short randomised pause) up to
 * {@link START_ATTEMPTS} times; creation is idempotent, so a retry finds what the other
 * process made. Any other error is thrown at once.
 */
async function startedBoss(
  databaseUrl: string,
  maintenanceIntervalSeconds: number,
): Promise<PgBoss> {
  for (let attempt = 1; ; attempt++) {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: PG_BOSS_SCHEMA,
      max: 4,
      application_name: 'truth-spine-batches',
      maintenanceIntervalSeconds,
      monitorStateIntervalSeconds: 60,
      schedule: false,
    });
    boss.on('error', () => undefined);
    try {
      await boss.start();
      await boss.createQueue(STEP_BATCH_DEAD_LETTER_QUEUE, {
        name: STEP_BATCH_DEAD_LETTER_QUEUE,
        policy: 'standard',
      });
      await boss.createQueue(STEP_BATCH_QUEUE, {
        name: STEP_BATCH_QUEUE,
        policy: 'stately',
        deadLetter: STEP_BATCH_DEAD_LETTER_QUEUE,
      });
      return boss;
    } catch (error) {
      await boss.stop({ graceful: false, wait: true, timeout: 5_000 }).catch(() => undefined);
      if (!isDeadlock(error) || attempt >= START_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400 * attempt));
    }
  }
}

/** PostgreSQL's "deadlock detected" (SQLSTATE 40P01). */
export function isDeadlock(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { code?: unknown }).code === '40P01' ||
      /deadlock detected/.test(String((error as { message?: unknown }).message)))
  );
}
