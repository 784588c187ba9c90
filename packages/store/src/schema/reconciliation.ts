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
import { instant, decimal } from './columnTypes.js';
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
