import { resolve } from 'node:path';

/** Where the store lives, parsed from `DATABASE_URL`. */
export type DatabaseLocation =
  | { readonly kind: 'pglite'; readonly dataDir: string | null }
  | { readonly kind: 'postgres'; readonly url: string };

/** The embedded default when `DATABASE_URL` is unset: PGlite in `./.data` of the working directory. */
export const defaultEmbeddedDataDir = '.data';

/**
 * Parses `DATABASE_URL`:
 * - unset or empty → PGlite in `<cwd>/.data`;
 * - `pglite://memory` → PGlite in memory (nothing persists);
 * - `pglite://PATH` → PGlite in PATH (relative to `cwd`, or absolute as `pglite:///abs/path`);
 * - `postgres://…` / `postgresql://…` → PostgreSQL.
 *
 * Throws {@link InvalidDatabaseUrlError} for anything else; the message never repeats a password.
 */
export function parseDatabaseUrl(url: string | undefined, cwd: string): DatabaseLocation {
  if (url === undefined || url.trim() === '') {
    return { kind: 'pglite', dataDir: resolve(cwd, defaultEmbeddedDataDir) };
  }
  const text = url.trim();
  if (text.startsWith('pglite://')) {
    const path = text.slice('pglite://'.length);
    if (path === '') throw new InvalidDatabaseUrlError(text, 'pglite:// needs a path or "memory"');
    return { kind: 'pglite', dataDir: path === 'memory' ? null : resolve(cwd, path) };
  }
  if (text.startsWith('postgres://') || text.startsWith('postgresql://')) {
    try {
      const parsed = new URL(text);
      if (parsed.hostname === '') throw new Error('no host');
    } catch {
      throw new InvalidDatabaseUrlError(text, 'not a valid postgres:// URL');
    }
    return { kind: 'postgres', url: text };
  }
  throw new InvalidDatabaseUrlError(
    text,
    'expected postgres://…, postgresql://…, pglite://PATH or pglite://memory',
  );
}

/** A URL with its password replaced by `***`, safe for logs and messages. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/** `DATABASE_URL` is not something the store can open. */
export class InvalidDatabaseUrlError extends Error {
  readonly code = 'invalid_database_url' as const;
  readonly setting = 'DATABASE_URL' as const;
  constructor(url: string, reason: string) {
    super(`DATABASE_URL ${JSON.stringify(redactDatabaseUrl(url))}: ${reason}`);
    this.name = 'InvalidDatabaseUrlError';
  }
}
