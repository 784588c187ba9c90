import { asc } from 'drizzle-orm';
import { type, type Type } from 'arktype';
import type { Database } from '@truth-spine/store';
import { securities } from '@truth-spine/store/schema';
import { BooksEditError } from './booksEditError.js';
import { securityColumns } from './bookColumns.js';
import type { BookSecurity } from './bookRecords.js';
import { securityFromFields, type SecurityFields } from './securityFromFields.js';

/**
 * Adds a security, validated exactly like a securities.csv row (`fields` are the
 * columns' texts, blank = unknown): symbol, ISO currency, kind, ISO country, and the ADR
 * fields required for an ADR and blank otherwise. Every problem is named by column in
 * one {@link BooksEditError} `invalid_field`; an existing symbol is `security_exists`.
 */
export async function addSecurity(db: Database, fields: SecurityFields): Promise<BookSecurity> {
  const problems: string[] = [];
  for (const [name, check] of Object.entries(securityColumns) as [
    keyof SecurityFields,
    Type<string>,
  ][]) {
    const result = check(fields[name]);
    if (result instanceof type.errors) problems.push(`${name}: ${result.summary}`);
  }
  const security =
    problems.length === 0
      ? securityFromFields(fields, (name, message) => problems.push(`${name}: ${message}`))
      : null;
  if (security === null || problems.length > 0) {
    throw new BooksEditError('invalid_field', `security ${fields.symbol}: ${problems.join('; ')}`);
  }
  const inserted = await db.drizzle
    .insert(securities)
    .values(security)
    .onConflictDoNothing()
    .returning({ symbol: securities.symbol });
  if (inserted.length === 0) {
    throw new BooksEditError('security_exists', `security ${security.symbol} already exists`);
  }
  return security;
}

/** Every stored security by symbol. */
export async function listSecurities(db: Database): Promise<BookSecurity[]> {
  return db.drizzle.select().from(securities).orderBy(asc(securities.symbol));
}
