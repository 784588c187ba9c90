import type { PGlite, Transaction } from '@electric-sql/pglite';
import { is } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import { PostgresJsSession } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import type { Executor } from './database.js';

/** The driver client a COPY runs on: the executor's own connection or transaction. */
export type CopyTarget =
  | { readonly kind: 'pglite'; readonly client: PGlite | Transaction }
  | { readonly kind: 'postgres'; readonly client: Sql };

/**
 * The driver client under a drizzle handle or transaction, found through drizzle's session
 * (`executor.session.client`): PGlite itself or its open `Transaction`; postgres.js' pool
 * `Sql` or the transaction's (or savepoint's) reserved `Sql` — so a COPY issued on it is
 * part of the caller's transaction. null for an executor of another driver.
 */
export function copyTargetOf(executor: Executor): CopyTarget | null {
  const session: unknown = (executor as { session?: unknown }).session;
  if (is(session, PgliteSession)) {
    const client = (session as unknown as { client: PGlite | Transaction }).client;
    return { kind: 'pglite', client };
  }
  if (is(session, PostgresJsSession)) return { kind: 'postgres', client: session.client };
  return null;
}
