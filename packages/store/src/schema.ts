import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The whole store in one place (documented table by table in
 * docs/SCHEMA.md of this package). Migrations in ../drizzle are generated from this file by
 * drizzle-kit; the immutability trigger is a custom SQL migration beside them.
 *
 * Conventions: money and quantities are `numeric` (both drivers return strings — feed
 * them to big.js); statistics are `double precision`; calendar dates are `date` in
 * string mode (`YYYY-MM-DD`); instants are `timestamptz`.
 */

/** Raw bytes (`bytea`): compact typed-array series. Both drivers return a Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

const day = (name: string) => date(name, { mode: 'string' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const decimal = (name: string) => numeric(name);

// ───────────────────────────── reference data and books ─────────────────────────────

export const securities = pgTable(
  'securities',
  {
    symbol: text('symbol').primaryKey(),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    kind: text('kind', { enum: ['equity', 'etf', 'adr', 'fund', 'cash'] }).notNull(),
    country: text('country'),
    /** Underlying shares per one ADR (BP 6, HSBC 5, AZN 0.5; data/demo README); null unless kind = adr. */
    adrRatio: decimal('adr_ratio'),
    underlying: text('underlying'),
    underlyingCurrency: text('underlying_currency'),
  },
  (t) => [
    check(
      'securities_adr_fields',
      sql`(${t.kind} = 'adr') = (${t.adrRatio} is not null and ${t.underlying} is not null)`,
    ),
  ],
);

export const portfolios = pgTable('portfolios', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  baseCurrency: text('base_currency').notNull(),
  benchmark: text('benchmark').notNull(),
  inception: day('inception').notNull(),
  /**
   * When `portfolios remove --force` archived it; null = active. An archived portfolio keeps
   * its books and every stored result but is left out of every later night
   * (src/books/activePortfolios.ts).
   */
  archivedAt: instant('archived_at'),
});

export const transactionTypes = [
  'buy',
  'sell',
  'dividend',
  'interest',
  'fee',
  'deposit',
  'withdrawal',
  'split',
  'fx',
] as const;

export const transactions = pgTable(
  'transactions',
  {
    id: serial('id').primaryKey(),
    portfolioId: text('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    externalId: text('external_id').notNull(),
    tradeDate: day('trade_date').notNull(),
    settleDate: day('settle_date'),
    type: text('type', { enum: transactionTypes }).notNull(),
    symbol: text('symbol'),
    quantity: decimal('quantity'),
    price: decimal('price'),
    amount: decimal('amount').notNull(),
    currency: text('currency').notNull(),
    exDate: day('ex_date'),
    payDate: day('pay_date'),
    description: text('description').notNull().default(''),
  },
  (t) => [
    unique('transactions_external_id').on(t.portfolioId, t.externalId),
    index('transactions_portfolio_date').on(t.portfolioId, t.tradeDate),
  ],
);

// ───────────────────────────── pricing packs (immutable) ─────────────────────────────

export const packStatuses = ['warming', 'fresh', 'superseded'] as const;
export type PackStatus = (typeof packStatuses)[number];

export const packs = pgTable(
  'packs',
  {
    id: text('id').primaryKey(),
    asOf: day('as_of').notNull(),
    version: integer('version').notNull(),
    sha256: text('sha256').notNull(),
    status: text('status', { enum: packStatuses }).notNull().default('warming'),
    createdAt: instant('created_at').notNull().defaultNow(),
    freshAt: instant('fresh_at'),
    supersededBy: text('superseded_by'),
    priceCount: integer('price_count').notNull(),
    fxCount: integer('fx_count').notNull(),
    macroCount: integer('macro_count').notNull(),
  },
  (t) => [unique('packs_as_of_version').on(t.asOf, t.version), index('packs_as_of').on(t.asOf)],
);

/** Provenance columns shared by every pack content row (docs/GLOSSARY.md: provenance). */
const provenance = () => ({
  provider: text('provider').notNull(),
  fallbackUsed: boolean('fallback_used').notNull(),
  carriedForward: boolean('carried_forward').notNull(),
  sourceDate: day('source_date').notNull(),
});

export const packPrices = pgTable(
  'pack_prices',
  {
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    symbol: text('symbol').notNull(),
    close: decimal('close').notNull(),
    currency: text('currency').notNull(),
    ...provenance(),
  },
  (t) => [primaryKey({ columns: [t.packId, t.symbol] })],
);

export const packFx = pgTable(
  'pack_fx',
  {
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    /** `rate` units of `quote` per 1 `base` (EURUSD = USD per EUR). */
    base: text('base').notNull(),
    quote: text('quote').notNull(),
    rate: decimal('rate').notNull(),
    ...provenance(),
  },
  (t) => [primaryKey({ columns: [t.packId, t.base, t.quote] })],
);

export const packMacro = pgTable(
  'pack_macro',
  {
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    series: text('series').notNull(),
    value: decimal('value').notNull(),
    ...provenance(),
  },
  (t) => [primaryKey({ columns: [t.packId, t.series] })],
);

// ───────────────────────────── market history (append-only) ─────────────────────────────
//
// Daily history the metrics and factors read (never the providers), filled by build_pack
// for the universe's missing dates. Append-only: a trigger rejects UPDATE/DELETE, so a
// night is reproducible from the database. Decimals as written by the provider.

const historyProvenance = () => ({
  provider: text('provider').notNull(),
  fallbackUsed: boolean('fallback_used').notNull().default(false),
});

export const marketCloses = pgTable(
  'market_closes',
  {
    symbol: text('symbol').notNull(),
    date: day('date').notNull(),
    close: decimal('close').notNull(),
    currency: text('currency').notNull(),
    ...historyProvenance(),
  },
  (t) => [primaryKey({ columns: [t.symbol, t.date] })],
);

/** `rate` units of `quote` per 1 `base` on `date`. */
export const marketFx = pgTable(
  'market_fx',
  {
    base: text('base').notNull(),
    quote: text('quote').notNull(),
    date: day('date').notNull(),
    rate: decimal('rate').notNull(),
    ...historyProvenance(),
  },
  (t) => [primaryKey({ columns: [t.base, t.quote, t.date] })],
);

/** A macro observation; `value` null = the source marks it missing (FRED "."), never 0. */
export const marketMacro = pgTable(
  'market_macro',
  {
    series: text('series').notNull(),
    date: day('date').notNull(),
    value: decimal('value'),
    ...historyProvenance(),
  },
  (t) => [primaryKey({ columns: [t.series, t.date] })],
);

/** Up to which date each history key has been filled (so gaps are fetched once). */
export const marketCoverage = pgTable(
  'market_coverage',
  {
    kind: text('kind', { enum: ['close', 'fx', 'macro'] }).notNull(),
    key: text('key').notNull(),
    firstDate: day('first_date').notNull(),
    lastDate: day('last_date').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] })],
);

// ───────────────────────────── derived results (per pack) ─────────────────────────────

/** A portfolio's value on the pack's as-of date, exact (big.js → numeric). */
export const valuations = pgTable(
  'valuations',
  {
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    portfolioId: text('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    asOf: day('as_of').notNull(),
    baseCurrency: text('base_currency').notNull(),
    marketValue: decimal('market_value').notNull(),
    securitiesValue: decimal('securities_value').notNull(),
    cashValue: decimal('cash_value').notNull(),
    positions: integer('positions').notNull(),
  },
  (t) => [primaryKey({ columns: [t.packId, t.portfolioId] })],
);

/**
 * A portfolio's daily history as of a pack, one row per (pack, portfolio): its first and
 * last date and `n_obs` days, stored as the first `n_obs` days of the append-only
 * `history_chunks` of `lineage_id` (written since the append-only history; a night that
 * extends a series writes one chunk, not the whole history again). Rows written before it
 * hold the arrays inline instead (`lineage_id` null) as little-endian typed arrays:
 * `epoch_days` (Int32, n_obs), `values` in base currency (Float64, n_obs),
 * `external_flows` (Float64, n_obs) and `returns` (Float64, n_obs − 1: returns[i] is the
 * return from day i to day i + 1) — docs/SCHEMA.md.
 */
export const returnSeries = pgTable(
  'return_series',
  {
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    portfolioId: text('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    firstDate: day('first_date').notNull(),
    lastDate: day('last_date').notNull(),
    nObs: integer('n_obs').notNull(),
    lineageId: text('lineage_id'),
    epochDays: bytea('epoch_days'),
    values: bytea('values'),
    returns: bytea('returns'),
    externalFlows: bytea('external_flows'),
  },
  (t) => [
    primaryKey({ columns: [t.packId, t.portfolioId] }),
    index('return_series_lineage').on(t.lineageId, t.nObs),
    check(
      'return_series_inline_or_lineage',
      sql`(${t.lineageId} is null) = (${t.epochDays} is not null and ${t.values} is not null and ${t.returns} is not null and ${t.externalFlows} is not null)`,
    ),
  ],
);

/**
 * The append-only daily history of one series lineage: days `[chunk·C, chunk·C + n)` of
 * it (C = HISTORY_CHUNK_DAYS, 128), as little-endian typed arrays — `epoch_days` (Int32),
 * `values` and `external_flows` (Float64, base currency) and `returns_into` (Float64: the
 * return from the day before into this day; NaN on the lineage's first day). A lineage
 * starts when a series is computed in full and grows only by appended days: a night that
 * extends it rewrites its last chunk with the same prefix and one more day, so every pack
 * that reads its first `n_obs` days keeps reading the same bytes.
 */
export const historyChunks = pgTable(
  'history_chunks',
  {
    lineageId: text('lineage_id').notNull(),
    portfolioId: text('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    chunk: integer('chunk').notNull(),
    epochDays: bytea('epoch_days').notNull(),
    values: bytea('values').notNull(),
    externalFlows: bytea('external_flows').notNull(),
    returnsInto: bytea('returns_into').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lineageId, t.chunk] })],
);

/** One metric of one portfolio in one pack; `value` null ⇔ `reason` says why (upserted). */
export const metrics = pgTable(
  'metrics',
  {
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    portfolioId: text('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    metric: text('metric').notNull(),
    value: doublePrecision('value'),
    reason: text('reason'),
    firstDate: day('first_date'),
    lastDate: day('last_date'),
    nObs: integer('n_obs'),
    details: jsonb('details'),
  },
  (t) => [
    primaryKey({ columns: [t.packId, t.portfolioId, t.metric] }),
    check('metrics_value_or_reason', sql`(${t.value} is null) = (${t.reason} is not null)`),
  ],
);

/** One factor loading of one portfolio over one window (1Y, 3Y, SI) in one pack. */
export const factorExposures = pgTable(
  'factor_exposures',
  {
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    portfolioId: text('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    window: text('window').notNull(),
    factor: text('factor').notNull(),
    loading: doublePrecision('loading'),
    standardError: doublePrecision('standard_error'),
    tValue: doublePrecision('t_value'),
    contribution: doublePrecision('contribution'),
    reason: text('reason'),
    details: jsonb('details'),
  },
  (t) => [primaryKey({ columns: [t.packId, t.portfolioId, t.window, t.factor] })],
);

/** The macro regime of a pack's as-of date (finance-core docs/FACTORS.md). */
export const regimes = pgTable('regimes', {
  packId: text('pack_id')
    .primaryKey()
    .references(() => packs.id),
  asOf: day('as_of').notNull(),
  regime: text('regime', { enum: ['goldilocks', 'reflation', 'stagflation', 'deflation'] }),
  growthSignal: doublePrecision('growth_signal'),
  inflationSignal: doublePrecision('inflation_signal'),
  confidence: doublePrecision('confidence'),
  changed: boolean('changed'),
  reason: text('reason'),
  details: jsonb('details'),
});

/** A quality rating of a security or a portfolio; `score` null ⇔ `reason` (finance-core docs/RATINGS.md). */
export const ratings = pgTable(
  'ratings',
  {
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    subjectKind: text('subject_kind', { enum: ['security', 'portfolio'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    score: doublePrecision('score'),
    reason: text('reason'),
    coverage: doublePrecision('coverage'),
    components: jsonb('components'),
  },
  (t) => [
    primaryKey({ columns: [t.packId, t.subjectKind, t.subjectId] }),
    check('ratings_score_or_reason', sql`(${t.score} is null) = (${t.reason} is not null)`),
  ],
);

// ───────────────────────────── reconciliation ─────────────────────────────

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

// ───────────────────────────── alerts ─────────────────────────────

export const alertRules = pgTable('alert_rules', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  scope: jsonb('scope').notNull(),
  params: jsonb('params').notNull(),
  severity: text('severity', { enum: ['info', 'warning', 'critical'] }).notNull(),
  channels: jsonb('channels').notNull(),
  cooldownSeconds: integer('cooldown_seconds').notNull(),
  enabled: boolean('enabled').notNull().default(true),
});

/** A fired alert; `idempotency_key` makes re-evaluation and re-runs never duplicate it. */
export const alertEvents = pgTable(
  'alert_events',
  {
    id: serial('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique('alert_events_idempotency_key'),
    /** The rule's id from the rules file or a built-in operational rule; null for engine events. */
    ruleId: text('rule_id'),
    scopeKey: text('scope_key'),
    episodeStart: day('episode_start'),
    firing: integer('firing'),
    /** Channels the rule named when it fired. */
    channels: jsonb('channels'),
    kind: text('kind').notNull(),
    severity: text('severity', { enum: ['info', 'warning', 'critical'] }).notNull(),
    runId: text('run_id'),
    packId: text('pack_id'),
    asOf: day('as_of'),
    subject: text('subject'),
    message: text('message').notNull(),
    details: jsonb('details'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('alert_events_kind_created').on(t.kind, t.createdAt)],
);

/**
 * The dedupe state of one rule for one scope key (portfolio, symbol, …) after the night
 * `as_of`. Evaluating night D starts from the latest row with `as_of < D`, so re-running D
 * (force, backfill, resume) reproduces the same events (docs/ALERTS.md).
 */
export const alertStates = pgTable(
  'alert_states',
  {
    ruleId: text('rule_id').notNull(),
    scopeKey: text('scope_key').notNull(),
    asOf: day('as_of').notNull(),
    /** Whether the condition held that night; null when it could not be evaluated. */
    lastHolds: boolean('last_holds'),
    active: boolean('active').notNull(),
    episodeStart: day('episode_start'),
    firings: integer('firings').notNull().default(0),
    lastFiredAsOf: day('last_fired_as_of'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.scopeKey, t.asOf] })],
);

/** The one successful delivery of an event on a channel (inserted ON CONFLICT DO NOTHING). */
export const alertChannelDeliveries = pgTable(
  'alert_channel_deliveries',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => alertEvents.id),
    channel: text('channel').notNull(),
    deliveredAt: instant('delivered_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.channel] })],
);

/** Every delivery attempt of an event on a channel; `attempting` is written before sending. */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => alertEvents.id),
    channel: text('channel').notNull(),
    attempt: integer('attempt').notNull(),
    status: text('status', { enum: ['attempting', 'delivered', 'failed'] }).notNull(),
    httpStatus: integer('http_status'),
    error: text('error'),
    startedAt: instant('started_at').notNull().defaultNow(),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    unique('alert_deliveries_attempt').on(t.eventId, t.channel, t.attempt),
    // At most one successful delivery per (event, channel).
    uniqueIndex('alert_deliveries_delivered_once')
      .on(t.eventId, t.channel)
      .where(sql`${t.status} = 'delivered'`),
  ],
);

// ───────────────────────────── runs ─────────────────────────────

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
