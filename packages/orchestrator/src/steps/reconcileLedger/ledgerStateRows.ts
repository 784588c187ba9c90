import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@truth-spine/store';
import { insertRows } from '@truth-spine/store';
import { LEDGER_STATE_FORMAT, type StoredLedgerState } from './ledgerState.js';

/**
 * The stored ledger states (ledger_states) of the portfolios `ids` in the current format,
 * by portfolio, in one query; rows of another format are not read (they are re-made).
 */
export async function readLedgerStates(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, StoredLedgerState>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{
    portfolio_id: string;
    ledger_digest: string;
    format_version: number;
    state: Uint8Array;
    state_sha256: string;
  }>(
    `select portfolio_id, ledger_digest, format_version, state, state_sha256
       from ledger_states where portfolio_id = any($1::text[]) and format_version = $2`,
    [ids, LEDGER_STATE_FORMAT],
  );
  return new Map(
    rows.map((r) => [
      r.portfolio_id,
      {
        portfolioId: r.portfolio_id,
        ledgerDigest: r.ledger_digest,
        format: Number(r.format_version),
        state: new Uint8Array(r.state.buffer, r.state.byteOffset, r.state.byteLength),
        stateSha256: r.state_sha256,
      },
    ]),
  );
}

const COLUMNS = [
  'portfolio_id',
  'ledger_digest',
  'format_version',
  'state',
  'state_sha256',
  'run_id',
] as const;

/**
 * Stores the states of the ledgers run `runId` just parsed, replacing each portfolio's
 * previous row, with one bulk statement. Call in the transaction that persists the batch's
 * reconciliation results.
 */
export async function storeLedgerStates(
  tx: Executor,
  runId: string,
  states: readonly StoredLedgerState[],
): Promise<void> {
  if (states.length === 0) return;
  await insertRows(
    tx,
    'ledger_states',
    COLUMNS,
    states.map((s) => [s.portfolioId, s.ledgerDigest, s.format, s.state, s.stateSha256, runId]),
    sql.raw(
      ` on conflict (portfolio_id) do update set
          ledger_digest = excluded.ledger_digest, format_version = excluded.format_version,
          state = excluded.state, state_sha256 = excluded.state_sha256,
          run_id = excluded.run_id, stored_at = now()`,
    ),
  );
}
