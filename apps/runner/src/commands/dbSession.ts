import {
  ConfigError,
  loadConfig,
  RunInProgressError,
  type TruthSpineConfig,
} from '@truth-spine/orchestrator';
import {
  EmbeddedDatabaseInUseError,
  InvalidDatabaseUrlError,
  openDatabase,
  type Database,
} from '@truth-spine/store';
import { ExitCode } from '../cli/exitCodes.js';
import type { CliIo } from '../cli/io.js';
import { UsageError } from '../cli/usageError.js';

/**
 * Loads the configuration from the command's environment and opens the store it names
 * (migrating unless `migrate: false`), runs `work`, and always closes the store.
 * A bad setting becomes a {@link UsageError} (exit 64).
 */
export async function withDatabase<T>(
  io: CliIo,
  work: (db: Database, config: TruthSpineConfig) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  let config: TruthSpineConfig;
  let db: Database;
  try {
    config = loadConfig(io.env, io.cwd);
    db = await openDatabase(config.databaseUrl, { cwd: io.cwd, migrate: options.migrate ?? true });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof InvalidDatabaseUrlError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
  try {
    return await work(db, config);
  } finally {
    await db.close();
  }
}

/**
 * Runs a command body, turning "another runner has it" (a held run lock, or an embedded
 * database open in another process) into one line on stderr and exit code 3.
 */
export async function exitThreeWhenBusy(
  io: CliIo,
  name: string,
  body: () => Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof RunInProgressError || error instanceof EmbeddedDatabaseInUseError) {
      io.stderr(`${name}: ${error.message}\n`);
      return ExitCode.anotherRunInProgress;
    }
    throw error;
  }
}
