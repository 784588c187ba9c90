import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit settings. From this package's directory, `npx drizzle-kit generate` writes
 * a new migration into ./drizzle from src/schema/ (index.ts re-exports every table).
 * Generated files are never edited; custom SQL (the immutability trigger) lives in
 * `--custom` migrations.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './drizzle',
});
