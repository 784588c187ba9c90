import {
  type AlertSettings,
  bundledDemoDir,
  checkedSettingsOf,
  createStepBodies,
  type StepBodies,
  type StepDependencies,
  type TruthSpineConfig,
} from '@truth-spine/orchestrator';
import { loadBooks } from '@truth-spine/books';
import {
  InvalidDatabaseUrlError,
  migrateDatabase,
  openDatabase,
  schema,
  type Database,
} from '@truth-spine/store';
import type { Logger } from 'pino';
import type { CliIo } from '../cli/io.js';
import { UsageError } from '../cli/usageError.js';
import { booksMarketOptions } from '../commands/booksMarketOptions.js';
import { createLogger } from '../logging/createLogger.js';
import { countingMarketSource, type ProviderCall } from './countingMarketSource.js';
import { marketSources, type MarketSources } from './marketSources.js';
import { defaultNightlyDate } from './nightlyDate.js';
import { assertSchemaNotNewer, SchemaNewerThanCodeError } from './schemaVersion.js';
import { loadRunnerConfig, type RunnerConfig } from './runnerConfig.js';
import type { StepSettings } from './stepSettings.js';

/** Everything a pipeline command needs, opened from the configuration. */
export interface Runtime {
  readonly config: RunnerConfig;
  readonly db: Database;
  readonly deps: StepDependencies;
  readonly bodies: StepBodies;
  readonly logger: Logger;
  /** `offline` replay or `live` HTTP providers (MARKET_DATA). */
  readonly marketMode: 'offline' | 'live';
  /** The as-of date a run started at `now` defaults to (see `defaultNightlyDate`). */
  nightlyDate(now: Date): Promise<string>;
  /** Closes the store (idempotent). */
  close(): Promise<void>;
}

/** How {@link openRuntime} opens things; every field has a default. */
export interface RuntimeOptions {
  /** Human-readable logs (default: stderr is a TTY and LOG_FORMAT is not `json`). */
  readonly prettyLogs?: boolean;
  /** Told about every market data call (serve counts them for /metrics). */
  readonly onProviderCall?: (call: ProviderCall) => void;
}

/**
 * Opens the runner's world from `io.env` / `io.cwd`:
 * 1. configuration (`loadRunnerConfig`: every section, environment over the
 *    TRUTH_SPINE_CONFIG file; a bad setting → {@link UsageError}, exit 64);
 * 2. the store (`openDatabase` without migrating), refused with a UsageError when it holds
 *    migrations newer than this code, else migrated once under the migrations lock;
 * 3. on an empty store (no portfolio, no security), the books of BOOKS_DIR (bundled data/demo
 *    by default; a warning in the log says the demo's were loaded); BOOKS_DIR=none (from
 *    the environment or the file) loads nothing;
 * 4. market data (`marketSources`: offline replay by default, HTTP providers with
 *    MARKET_DATA=live), each call reported to `onProviderCall`;
 * 5. the seven step bodies (`createStepBodies`) with the configuration's step and alert
 *    settings, and a pino logger writing to stderr only.
 * Unset paths resolve to the repository's bundled data (orchestrator's `bundledDemoDir`,
 * found from the orchestrator module's own location, so it works from src/ and dist/).
 */
export async function openRuntime(io: CliIo, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = runnerLogger(io, options.prettyLogs);
  const config = loadRunnerConfig(io);
  let db: Database;
  let sources: MarketSources;
  try {
    sources = marketSources(config);
    db = await openDatabase(config.databaseUrl, { cwd: io.cwd, migrate: false });
  } catch (error) {
    if (error instanceof InvalidDatabaseUrlError) throw new UsageError(error.message);
    throw error;
  }
  try {
    await assertSchemaNotNewer(db);
    const migration = await migrateDatabase(db);
    if (migration.applied > 0) logger.info(migration, 'database migrated');
    if (!config.booksDirNone && (await isEmptyStore(db))) {
      const market = await booksMarketOptions(config.checked.MARKET_DATA, config);
      const loaded = await loadBooks(db, config.booksDir, market);
      if (config.booksDir === bundledDemoDir) {
        // A warning, so it shows at LOG_LEVEL=warn too: the store now holds sample books.
        logger.warn(
          `loaded the bundled demo books into the empty database: ${loaded.portfolios} ` +
            `portfolio(s), ${loaded.securities} securities, ${loaded.transactions} transaction(s) ` +
            '(to start with an empty database instead, set BOOKS_DIR=none and add your own ' +
            'with securities add / portfolios add)',
        );
      }
      logger.info({ booksDir: config.booksDir, ...loaded }, 'loaded books into an empty database');
    }
    const deps = stepDependencies(config, sources, config.steps, config.alerts, logger, options);
    logger.info(
      { database: db.description, market: sources.mode, ledgerDir: config.ledgerDir },
      'runtime opened',
    );
    return {
      config,
      db,
      deps,
      bodies: createStepBodies(deps),
      logger,
      marketMode: sources.mode,
      nightlyDate: (now) => defaultNightlyDate(sources, now, config.scheduleTimezone),
      close: () => db.close(),
    };
  } catch (error) {
    await db.close();
    if (error instanceof SchemaNewerThanCodeError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * The runner's logger, from LOG_LEVEL and LOG_FORMAT (environment only: read before the
 * configuration, checked by the setting catalog): pretty when `pretty` says so, else when
 * stderr is a terminal and LOG_FORMAT is not `json`.
 */
function runnerLogger(io: CliIo, pretty?: boolean): Logger {
  const { LOG_LEVEL, LOG_FORMAT } = checkedSettingsOf(io.env, ['logging']);
  return createLogger(io.stderr, {
    level: LOG_LEVEL,
    pretty: pretty ?? (process.stderr.isTTY === true && LOG_FORMAT !== 'json'),
  });
}

/**
 * No portfolio and no security yet: the only state books are loaded into, so a store
 * someone has started filling by hand (`securities add`) never receives the demo's.
 */
async function isEmptyStore(db: Database): Promise<boolean> {
  const [portfolio, security] = await Promise.all([
    db.drizzle.select({ id: schema.portfolios.id }).from(schema.portfolios).limit(1),
    db.drizzle.select({ symbol: schema.securities.symbol }).from(schema.securities).limit(1),
  ]);
  return portfolio.length === 0 && security.length === 0;
}

/**
 * The step bodies' dependencies from validated settings: market sources wrapped so every
 * provider call is reported to `onProviderCall`, the ledger and books directories, the step
 * and alert settings, and the logger.
 */
function stepDependencies(
  config: TruthSpineConfig,
  sources: MarketSources,
  settings: StepSettings,
  alertSettings: AlertSettings,
  logger: Logger,
  options: RuntimeOptions,
): StepDependencies {
  const observe = options.onProviderCall ?? (() => undefined);
  return {
    config,
    market: countingMarketSource(sources.market, 'primary', observe),
    fallback:
      sources.fallback === null
        ? null
        : countingMarketSource(sources.fallback, 'fallback', observe),
    ledgerDir: config.ledgerDir,
    booksDir: config.booksDir,
    logger,
    alertSettings,
    ...settings,
  };
}

/**
 * The seven step bodies for a database another command already opened (e.g. `dlq replay`),
 * built exactly as {@link openRuntime} builds them; bad settings are a {@link UsageError}.
 */
export function stepBodiesFor(io: CliIo, config: TruthSpineConfig): StepBodies {
  const logger = runnerLogger(io);
  const sections = loadRunnerConfig(io);
  const sources = marketSources({ ...sections, offlineDataDir: config.offlineDataDir });
  const deps = stepDependencies(config, sources, sections.steps, sections.alerts, logger, {});
  return createStepBodies(deps);
}
