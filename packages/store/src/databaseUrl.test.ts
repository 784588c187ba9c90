import { describe, expect, it } from 'vitest';
import { InvalidDatabaseUrlError, parseDatabaseUrl, redactDatabaseUrl } from './databaseUrl.js';

describe('parseDatabaseUrl', () => {
  it('defaults to PGlite in ./.data of the working directory', () => {
    expect(parseDatabaseUrl(undefined, '/srv/app')).toEqual({
      kind: 'pglite',
      dataDir: '/srv/app/.data',
    });
    expect(parseDatabaseUrl('  ', '/srv/app')).toEqual({
      kind: 'pglite',
      dataDir: '/srv/app/.data',
    });
  });

  it('reads pglite://memory, relative and absolute pglite paths, and postgres URLs', () => {
    expect(parseDatabaseUrl('pglite://memory', '/x')).toEqual({ kind: 'pglite', dataDir: null });
    expect(parseDatabaseUrl('pglite://db/store', '/x')).toEqual({
      kind: 'pglite',
      dataDir: '/x/db/store',
    });
    expect(parseDatabaseUrl('pglite:///var/lib/ts', '/x')).toEqual({
      kind: 'pglite',
      dataDir: '/var/lib/ts',
    });
    const pg = 'postgresql://app:pw@db.internal:5433/spine';
    expect(parseDatabaseUrl(pg, '/x')).toEqual({ kind: 'postgres', url: pg });
  });

  it('names DATABASE_URL and never repeats a password', () => {
    const bad = () => parseDatabaseUrl('mysql://root:hunter2@host/db', '/x');
    expect(bad).toThrow(InvalidDatabaseUrlError);
    expect(bad).toThrow(/^DATABASE_URL "mysql:\/\/root:\*\*\*@host\/db": expected postgres/);
    expect(() => parseDatabaseUrl('postgres://', '/x')).toThrow(/DATABASE_URL .*not a valid/);
    expect(() => parseDatabaseUrl('pglite://', '/x')).toThrow(/needs a path/);
  });

  it('redacts passwords in URLs', () => {
    expect(redactDatabaseUrl('postgres://u:s3cr3t@h:5432/d')).toBe('postgres://u:***@h:5432/d');
    expect(redactDatabaseUrl('postgres://u@h/d')).toBe('postgres://u@h/d');
  });
});
