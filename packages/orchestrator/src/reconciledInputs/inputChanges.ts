import { ledgerChangedSince, type LedgerFileFingerprint } from '@truth-spine/ledger';
import { activePortfolioSql } from '@truth-spine/books';
import type { Database } from '@truth-spine/store';
import { booksFingerprint } from '../steps/valuation/booksFingerprint.js';
import { readBookMovements } from '../steps/valuation/readBookMovements.js';

/** One portfolio whose reconciliation inputs are not what run `since_run` reconciled. */
export interface PortfolioInputChange {
  readonly portfolio_id: string;
  /** Its ledger files' bytes changed (an edit, an include added or removed, a file gone). */
  readonly ledger: boolean;
  /** Its stored transactions dated ≤ D changed. */
  readonly books: boolean;
  /** Active now but not reconciled by that run (added or restored since). */
  readonly added: boolean;
}

/** What changed since a run reconciled its portfolios; `portfolios` empty = nothing. */
export interface InputChanges {
  readonly since_run: string;
  readonly as_of: string;
  readonly portfolios: readonly PortfolioInputChange[];
}

interface StoredInputs extends Record<string, unknown> {
  portfolio_id: string;
  ledger_digest: string | null;
  ledger_files: LedgerFileFingerprint[] | null;
  books_fingerprint: number | string;
}

/**
 * Compares what run `runId` (as of `asOf`) reconciled — its reconciled_inputs rows — with
 * the ledger files on disk now (`ledgerChangedSince`: size and mtime first, SHA-256 when
 * they moved) and the books in the store now (`booksFingerprint` of the transactions ≤ D,
 * the same function the step recorded with), and lists every active portfolio that differs
 * or is new, in id order. Null when the run recorded no inputs (it did not get through
 * reconcile_ledger, or ran before fingerprints were recorded): nothing to compare with.
 */
export async function inputChangesSince(
  db: Database,
  runId: string,
  asOf: string,
): Promise<InputChanges | null> {
  const stored = await db.query<StoredInputs>(
    `select portfolio_id, ledger_digest, ledger_files, books_fingerprint
       from reconciled_inputs where run_id = $1`,
    [runId],
  );
  if (stored.length === 0) return null;
  const active = await db.query<{ id: string }>(
    `select id from portfolios where ${activePortfolioSql} order by id`,
  );
  const byId = new Map(stored.map((row) => [row.portfolio_id, row]));
  const ids = active.map((p) => p.id);
  const movements = await readBookMovements(
    db,
    ids.filter((id) => byId.has(id)),
    asOf,
  );
  const changes: PortfolioInputChange[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row === undefined) {
      changes.push({ portfolio_id: id, ledger: false, books: false, added: true });
      continue;
    }
    const ledger =
      row.ledger_files === null || row.ledger_digest === null
        ? true
        : ledgerChangedSince({ files: row.ledger_files, digest: row.ledger_digest });
    const books = booksFingerprint(movements.get(id) ?? [], asOf) !== Number(row.books_fingerprint);
    if (ledger || books) changes.push({ portfolio_id: id, ledger, books, added: false });
  }
  return { since_run: runId, as_of: asOf, portfolios: changes };
}

/** "P-1 (ledger), P-2 (books, ledger), P-3 (added)" — for people. */
export function describeInputChanges(changes: InputChanges): string {
  return changes.portfolios
    .map((c) => {
      const what = [
        ...(c.ledger ? ['ledger'] : []),
        ...(c.books ? ['books'] : []),
        ...(c.added ? ['added'] : []),
      ];
      return `${c.portfolio_id} (${what.join(', ')})`;
    })
    .join(', ');
}
