/**
 * The whole store, one file per domain (documented table by table in docs/SCHEMA.md of
 * this package). Migrations in ../../drizzle are generated from these files by drizzle-kit;
 * the immutability trigger is a custom SQL migration beside them.
 *
 * Conventions: money and quantities are `numeric` (both drivers return strings — feed
 * them to big.js); statistics are `double precision`; calendar dates are `date` in
 * string mode (`YYYY-MM-DD`); instants are `timestamptz`.
 *
 * Only tables, their value lists (statuses, transaction types) and `bytea` are exported here: drizzle and
 * `@truth-spine/store/schema` read every export of this module as part of the schema.
 */
export { bytea } from './columnTypes.js';
export * from './books.js';
export * from './pack.js';
export * from './market.js';
export * from './results.js';
export * from './reconciliation.js';
export * from './alerts.js';
export * from './runs.js';
