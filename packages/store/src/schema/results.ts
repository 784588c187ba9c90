import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';
import { day, decimal, bytea } from './columnTypes.js';
import { portfolios } from './books.js';
import { packs } from './pack.js';

/** Derived results, per pack: valuations, daily histories, metrics, factors, regimes, ratings. */

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

/**
 * Every metric of one portfolio in one pack as ONE record (one row per (pack, portfolio)
 * instead of ~124): `metrics` is a jsonb array of entries `{ metric, value?, reason?,
 * first_date?, last_date?, n_obs?, details? }`, one per metric name, null fields left out
 * (written sorted by name; a write that only adds names appends them, so readers sort); exactly one of `value` (a finite double, kept exactly: jsonb
 * numbers are decimals and the writer prints the shortest round-trip one) and `reason`.
 * compute_daily_metrics and prewarm_factors each merge their metrics into it by name —
 * docs/SCHEMA.md.
 */
export const metricSets = pgTable(
  'metric_sets',
  {
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    portfolioId: text('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    metrics: jsonb('metrics').notNull(),
  },
  (t) => [primaryKey({ columns: [t.packId, t.portfolioId] })],
);

/**
 * Every factor loading of one portfolio in one pack as ONE record: `exposures` is a jsonb
 * array of entries `{ window, factor, loading?, standard_error?, t_value?, contribution?,
 * reason?, details? }` (windows 1Y, 3Y, SI) sorted by window, then factor, in code-point
 * order, null fields left out — docs/SCHEMA.md.
 */
export const factorSets = pgTable(
  'factor_sets',
  {
    packId: text('pack_id')
      .notNull()
      .references(() => packs.id),
    portfolioId: text('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    exposures: jsonb('exposures').notNull(),
  },
  (t) => [primaryKey({ columns: [t.packId, t.portfolioId] })],
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
