import { sql } from 'drizzle-orm';
import type { Executor } from '@truth-spine/store';
import { insertRows } from '@truth-spine/store';
import type { ReconciledInputs } from '../steps/reconcileLedger/reconcilePortfolio.js';

const COLUMNS = [
  'run_id',
  'portfolio_id',
  'ledger_digest',
  'ledger_files',
  'books_fingerprint',
] as const;

/**
 * Records, for run `runId`, the fingerprints of the ledger and books each portfolio was
 * reconciled from (table reconciled_inputs) with one bulk statement; a resumed run that
 * reconciles a portfolio again replaces its row. Call in the transaction that persists the
 * batch's reconciliation results, so both are written or neither is.
 */
export async function recordReconciledInputs(
  tx: Executor,
  runId: string,
  inputs: readonly ReconciledInputs[],
): Promise<void> {
  if (inputs.length === 0) return;
  await insertRows(
    tx,
    'reconciled_inputs',
    COLUMNS,
    inputs.map((i) => [runId, i.portfolioId, i.ledgerDigest, i.ledgerFiles, i.booksFingerprint]),
    sql.raw(
      ` on conflict (run_id, portfolio_id) do update set
          ledger_digest = excluded.ledger_digest, ledger_files = excluded.ledger_files,
          books_fingerprint = excluded.books_fingerprint, recorded_at = now()`,
    ),
  );
}
