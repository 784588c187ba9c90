import { customType, date, numeric, timestamp } from 'drizzle-orm/pg-core';

/**
 * The column types every schema file shares. Only `bytea` is part of the schema's public
 * names (schema/index.ts); `day`, `instant` and `decimal` are builders for the tables.
 */

/** Raw bytes (`bytea`): compact typed-array series. Both drivers return a Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/** A calendar date column (`date`) read and written as a `YYYY-MM-DD` string. */
export const day = (name: string) => date(name, { mode: 'string' });

/** An instant column (`timestamptz`) read and written as a `Date`. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** An exact decimal column (`numeric`); both drivers return a string (feed it to big.js). */
export const decimal = (name: string) => numeric(name);
