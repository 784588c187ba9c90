import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
} from 'drizzle-orm/pg-core';
import { bytea, instant, decimal } from './columnTypes.js';
import { portfolios } from './books.js';
import { packs } from './pack.js';

/**
 * Reconciliation against the ledger, per pack and portfolio: the result, its breaks and the
 * fingerprints of what was reconciled.
 */

export const reconciliationResults = pgTable(
  'reconciliation_results',
  {
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    portfolioId: text('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    runId: text('run_id').notNull(),
    ok: boolean('ok').notNull(),
    platformValue: decimal('platform_value'),
    ledgerValue: decimal('ledger_value'),
    differenceBp: doublePrecision('difference_bp'),
    breakCount: integer('break_count').notNull(),
    checkedAt: instant('checked_at').notNull().defaultNow(),
    /**
     * The portfolio's `trading_lots.*` metric rows from the ledger this reconciliation
     * parsed (JSON text of the rows, exactly as computed), so compute_daily_metrics does not
     * parse the ledger a second time; null when they could not be computed (then it does).
     */
    tradingLots: text('trading_lots'),
  },
  (t) => [primaryKey({ columns: [t.packId, t.portfolioId] })],
);

export const reconciliationBreaks = pgTable(
  'reconciliation_breaks',
  {
    id: serial('id').primaryKey(),
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    portfolioId: text('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    kind: text('kind', {
      enum: ['missing_transaction', 'quantity', 'cash', 'fx', 'corporate_action', 'value'],
    }).notNull(),
    subject: text('subject'),
    platform: decimal('platform'),
    ledger: decimal('ledger'),
    sizeBase: decimal('size_base'),
    sizeBp: doublePrecision('size_bp'),
    reason: text('reason').notNull(),
  },
  (t) => [index('reconciliation_breaks_pack_portfolio').on(t.packId, t.portfolioId)],
);

/**
 * What reconcile_ledger reconciled, per run and portfolio: the ledger's fingerprint
 * (`@truth-spine/ledger` `loadFingerprintedLedger`: `ledger_digest` over every file read,
 * `ledger_files` = `[{path, size, mtimeMs, sha256}]`; both null when the ledger could not be
 * read) and the books' fingerprint (`booksFingerprint` of the portfolio's transactions dated
 * ≤ D, a 52-bit integer). A later `nightly` of the same date compares them with the files and
 * books of now to notice edits (src/reconciledInputs/inputChanges.ts).
 */
export const reconciledInputs = pgTable(
  'reconciled_inputs',
  {
    /** The run (no foreign key, as reconciliation_results.run_id: the step may run alone). */
    runId: text('run_id').notNull(),
    portfolioId: text('portfolio_id').notNull(),
    ledgerDigest: text('ledger_digest'),
    ledgerFiles: jsonb('ledger_files'),
    booksFingerprint: bigint('books_fingerprint', { mode: 'number' }).notNull(),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.portfolioId] })],
);

/**
 * The parsed state of each portfolio's ledger, carried between nights so that reconcile_ledger
 * does not parse and book a ledger whose bytes did not change (packages/orchestrator
 * src/steps/reconcileLedger/ledgerState.ts): one row per portfolio, the state of the ledger
 * whose fingerprint digest is `ledger_digest` (`loadFingerprintedLedger`). `state` is the
 * raw deflate of a JSON text — the portfolio's dated position and cash movements, its closed
 * lots, its formatted errors, and the path and SHA-256 of every file read (and the includes
 * that were missing) — in format `format_version`; `state_sha256` is the SHA-256 of the
 * stored bytes. The column's storage is `external` (migration 0013): the bytes are already
 * compressed, so the database stores them out of line without trying to compress them again.
 * A night uses it only when the format is current, the checksum, inflating and decoding
 * hold, and the files re-read and
 * re-hashed now give the same digest; otherwise it parses and replaces the row (in the
 * transaction that stores the batch's results). A cache: no foreign key, any row may be
 * deleted (the next night parses).
 */
export const ledgerStates = pgTable('ledger_states', {
  portfolioId: text('portfolio_id').primaryKey(),
  ledgerDigest: text('ledger_digest').notNull(),
  formatVersion: integer('format_version').notNull(),
  state: bytea('state').notNull(),
  stateSha256: text('state_sha256').notNull(),
  /** The run that parsed the ledger (no foreign key: the step may run alone). */
  runId: text('run_id').notNull(),
  storedAt: instant('stored_at').notNull().defaultNow(),
});
