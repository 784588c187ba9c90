import { boolean, index, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { day, instant, decimal } from './columnTypes.js';

/**
 * Pricing packs (immutable): one pack per as-of date and version, and its content rows
 * (prices, FX rates, macro values) with their provenance.
 */

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
