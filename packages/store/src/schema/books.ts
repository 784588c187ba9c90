import { sql } from 'drizzle-orm';
import { check, index, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { day, instant, decimal } from './columnTypes.js';

/** Reference data and books: the securities, the portfolios and their transactions. */

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
   * (packages/books/src/activePortfolios.ts).
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
