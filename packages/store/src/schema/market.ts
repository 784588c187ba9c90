import { boolean, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { day, decimal } from './columnTypes.js';

/**
 * Market history (append-only): daily history the metrics and factors read (never the
 * providers), filled by build_pack for the universe's missing dates. Append-only: a trigger
 * rejects UPDATE/DELETE, so a night is reproducible from the database. Decimals as written
 * by the provider.
 */

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
