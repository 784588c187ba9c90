/**
 * @truth-spine/store — the pipeline's database: one schema for PGlite (embedded) and
 * PostgreSQL, its migrations, the connection (`openDatabase`), the single-flight advisory
 * locks and the bulk-write helpers. It knows tables, not steps: nothing here decides what
 * a night computes. docs/SCHEMA.md describes every table.
 */
export { openDatabase, type OpenDatabaseOptions } from './openDatabase.js';
export type { AdvisoryLock, Database, Drizzle, Executor } from './database.js';
export {
  defaultEmbeddedDataDir,
  InvalidDatabaseUrlError,
  parseDatabaseUrl,
  redactDatabaseUrl,
  type DatabaseLocation,
} from './databaseUrl.js';
export { EmbeddedDatabaseInUseError } from './embeddedDirectoryLock.js';
export { migrateDatabase, migrationsFolder, type MigrationOutcome } from './migrate.js';
export { executeRows } from './rows.js';
export { insertRows } from './insertRows.js';
export { AdvisoryLockKey } from './advisoryLockKeys.js';
export * as schema from './schema/index.js';
export type { JsonObject, JsonValue } from './jsonValue.js';
