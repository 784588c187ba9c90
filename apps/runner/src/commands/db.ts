import { booksDirIsNone, loadSettings } from '@truth-spine/orchestrator';
import { loadBooks } from '@truth-spine/books';
import { migrateDatabase } from '@truth-spine/store';
import { resolve } from 'node:path';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import { UsageError } from '../cli/usageError.js';
import { loadCheckedSettings } from '../runtime/runnerConfig.js';
import { booksMarketOptions } from './booksMarketOptions.js';
import { exitThreeWhenBusy, withDatabase } from './dbSession.js';

const usage = 'usage: db migrate | db load-books [DIR]';

/**
 * `db migrate`: applies pending migrations (under the migrations advisory lock, once)
 * to the store named by DATABASE_URL and says how many it applied.
 * `db load-books [DIR]`: loads a books directory (default BOOKS_DIR) into the store in
 * one transaction, idempotently; invalid books print every problem with file, line and
 * column and exit 1 having written nothing.
 */
export const dbCommand: Command = {
  name: 'db',
  summary: 'db migrate | db load-books [DIR]: set up the store, load the books',
  run: (args, io) =>
    exitThreeWhenBusy(io, 'db', async () => {
      const [sub, ...rest] = args;
      if (sub === 'migrate' && rest.length === 0) {
        return withDatabase(
          io,
          async (db) => {
            const outcome = await migrateDatabase(db);
            io.stdout(
              `${db.description}: applied ${outcome.applied} migration(s); ${outcome.total} in total\n`,
            );
            return ExitCode.ok;
          },
          { migrate: false },
        );
      }
      if (sub === 'load-books' && rest.length <= 1) {
        const { MARKET_DATA } = loadCheckedSettings(io, ['market']);
        if (rest[0] === undefined && booksDirIsNone(loadSettings(io.env, io.cwd))) {
          throw new UsageError('BOOKS_DIR is none: name the directory to load (db load-books DIR)');
        }
        return withDatabase(io, async (db, config) => {
          const dir = rest[0] === undefined ? config.booksDir : resolve(io.cwd, rest[0]);
          const loaded = await loadBooks(db, dir, await booksMarketOptions(MARKET_DATA, config));
          io.stdout(
            `${dir}: ${loaded.portfolios} portfolio(s), ${loaded.securities} securities, ` +
              `${loaded.transactions} transaction(s) loaded; ${loaded.removedTransactions} removed\n`,
          );
          return ExitCode.ok;
        });
      }
      throw new UsageError(usage);
    }),
};
