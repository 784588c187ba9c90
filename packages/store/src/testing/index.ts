/**
 * @truth-spine/store/testing — isolated, migrated databases for test suites (PGlite
 * always, PostgreSQL too when TEST_DATABASE_URL is set). Test code only: production entry
 * points never export it.
 */
export {
  openTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
  type TestDatabaseKind,
} from './testDatabases.js';
export { migrateThrough } from './migrateThrough.js';
