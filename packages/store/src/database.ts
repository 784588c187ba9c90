import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.js';

/** The drizzle handle: the same type and the same queries on PGlite and PostgreSQL. */
export type Drizzle = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle or the database itself: anything that runs drizzle queries. */
export type Executor = Pick<Drizzle, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** A held session advisory lock; `release` is idempotent. */
export interface AdvisoryLock {
  release(): Promise<void>;
}

/**
 * An open store. `drizzle` for queries; `query` is the raw escape hatch for bulk paths
 * (multi-row inserts, server-side aggregates) and returns plain rows on both drivers.
 */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** Where it lives, without secrets (for logs and `status`). */
  readonly description: string;
  readonly drizzle: Drizzle;
  query<Row extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Takes a session advisory lock. PostgreSQL: on a dedicated one-connection client held
   * until release (a pooled session lock could land on another connection). PGlite: one
   * session, where SQL advisory locks are re-entrant, so the lock is kept per open handle.
   * `wait: false` → null when another holder has it; `wait: true` → waits for it.
   */
  advisoryLock(key: bigint, options: { wait: boolean }): Promise<AdvisoryLock | null>;
  /** PGlite: CHECKPOINT, so crash recovery replays little (PGlite never flushes on its own). PostgreSQL: no-op. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}
