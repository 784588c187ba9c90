import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { day, instant } from './columnTypes.js';
import { packs } from './pack.js';

/**
 * Runs: one row per night's run and per step of it, the batches of a distributed step, the
 * dead letters, and the blocks a failed run leaves on its pack.
 */

export const runStatuses = [
  'running',
  'succeeded',
  'failed',
  'blocked',
  'skipped',
  'interrupted',
] as const;
export type RunStatus = (typeof runStatuses)[number];

export const stepStatuses = [
  'pending',
  'running',
  'succeeded',
  'failed',
  'blocked',
  'skipped',
] as const;
export type StepStatus = (typeof stepStatuses)[number];

export const runs = pgTable(
  'runs',
  {
    id: text('id').primaryKey(),
    asOf: day('as_of').notNull(),
    trigger: text('trigger', { enum: ['cron', 'manual', 'backfill'] }).notNull(),
    status: text('status', { enum: runStatuses }).notNull(),
    scheduledAt: instant('scheduled_at').notNull(),
    startedAt: instant('started_at').notNull(),
    finishedAt: instant('finished_at'),
    blockedAt: text('blocked_at'),
    packId: text('pack_id').references(() => packs.id),
    packDeadlineMissed: boolean('pack_deadline_missed').notNull().default(false),
    runDeadlineMissed: boolean('run_deadline_missed').notNull().default(false),
    error: text('error'),
    details: jsonb('details'),
  },
  (t) => [
    // The unique run key: at most one running run per as-of date, whatever the lock says.
    uniqueIndex('runs_one_running_per_date')
      .on(t.asOf)
      .where(sql`${t.status} = 'running'`),
    index('runs_as_of').on(t.asOf),
    index('runs_started_at').on(t.startedAt),
  ],
);

export const runSteps = pgTable(
  'run_steps',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id),
    step: text('step').notNull(),
    position: integer('position').notNull(),
    status: text('status', { enum: stepStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    seconds: doublePrecision('seconds'),
    error: text('error'),
    blockedBy: text('blocked_by'),
    details: jsonb('details'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.step] })],
);

/**
 * Why the freshness gate does not call a pack fresh although its row may say so: a run on
 * the pack failed or was blocked at `step` (before it could mark the pack fresh). Open while
 * `cleared_at` is null; a later run on the same pack that succeeds through mark_pack_fresh
 * clears every open block of the pack (`cleared_by_run_id`). Never deleted: the history of
 * why a pack was not served.
 */
export const packBlocks = pgTable(
  'pack_blocks',
  {
    id: serial('id').primaryKey(),
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    runId: text('run_id')
      .notNull()
      .references(() => runs.id),
    step: text('step').notNull(),
    reason: text('reason').notNull(),
    blockedAt: instant('blocked_at').notNull(),
    clearedAt: instant('cleared_at'),
    clearedByRunId: text('cleared_by_run_id').references(() => runs.id),
  },
  (t) => [
    index('pack_blocks_open')
      .on(t.packId)
      .where(sql`${t.clearedAt} is null`),
  ],
);

/** States of a batch of a distributed step (packages/orchestrator/src/distributed). */
export const batchStatuses = ['queued', 'active', 'done', 'failed'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

/**
 * The batches of portfolio ids a distributed step (3–5) of a run was split into: the source
 * of truth the coordinator waits on and a resumed run picks up (pg-boss only carries them).
 * `details` = the batch's share of the step's details (merged by the step's `finish`).
 */
export const stepBatches = pgTable(
  'step_batches',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id),
    step: text('step').notNull(),
    batchNo: integer('batch_no').notNull(),
    portfolioIds: text('portfolio_ids').array().notNull(),
    status: text('status', { enum: batchStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /**
     * The coordinator pass that sent the batch's current job (0 = the plan; each resume of
     * the step sends its unfinished batches again with max + 1). A job, a worker result or a
     * dead letter of another generation is stale and ignored.
     */
    generation: integer('generation').notNull().default(0),
    worker: text('worker'),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    seconds: doublePrecision('seconds'),
    error: text('error'),
    details: jsonb('details'),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.step, t.batchNo] }),
    index('step_batches_worker_finished').on(t.worker, t.finishedAt),
  ],
);

export const deadLetters = pgTable(
  'dead_letters',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    runId: text('run_id').references(() => runs.id),
    step: text('step'),
    asOf: day('as_of'),
    packId: text('pack_id'),
    payload: jsonb('payload').notNull(),
    error: text('error').notNull(),
    attempts: integer('attempts').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    replayedAt: instant('replayed_at'),
    replayResult: text('replay_result'),
  },
  (t) => [
    index('dead_letters_pending')
      .on(t.createdAt)
      .where(sql`${t.replayedAt} is null`),
  ],
);
