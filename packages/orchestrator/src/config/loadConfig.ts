import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type } from 'arktype';
import { ConfigError } from './configError.js';
import { loadSettings, present, type LoadedSettings } from './loadSettings.js';

export { ConfigError };

/** The bundled demo data set (`data/demo` at the repository root). */
export const bundledDemoDir = fileURLToPath(new URL('../../../../data/demo', import.meta.url));

/** The validated settings of a runner. Every one has a working default. */
export interface TruthSpineConfig {
  /** DATABASE_URL; undefined → PGlite in `<cwd>/.data`. */
  readonly databaseUrl: string | undefined;
  /** BOOKS_DIR: portfolios.json, securities.csv, transactions/ (default: bundled data/demo). */
  readonly booksDir: string;
  /** LEDGER_DIR: one Beancount file per portfolio, `<ID>.beancount` (default `<BOOKS_DIR>/ledgers`). */
  readonly ledgerDir: string;
  /** OFFLINE_DATA_DIR: offline market data, docs/DATA-FORMATS.md#market-data (default: bundled data/demo/market). */
  readonly offlineDataDir: string;
  /** SCHEDULE_TIMEZONE, else TZ, else UTC: the zone of the cron schedule and of "today". */
  readonly scheduleTimezone: string;
  /** SCHEDULE_CRON (default `5 0 * * *`: 00:05 every day). */
  readonly scheduleCron: string;
  /** PACK_DEADLINE_MINUTES after the scheduled start (default 10). */
  readonly packDeadlineMinutes: number;
  /** RUN_DEADLINE_MINUTES after the scheduled start (default 30). */
  readonly runDeadlineMinutes: number;
  /** STEP_MAX_ATTEMPTS of a non-critical step, including the first (default 3). */
  readonly stepMaxAttempts: number;
  /** STEP_RETRY_INITIAL_MS, the first backoff delay, doubling up to STEP_RETRY_MAX_MS (5000, 60000). */
  readonly stepRetryInitialMs: number;
  readonly stepRetryMaxMs: number;
  /** STEP_TIMEOUT_MINUTES per step attempt (default 20). */
  readonly stepTimeoutMinutes: number;
  /** CATCH_UP_MAX_DAYS: how many missed dates `serve` catches up at start (default 7). */
  readonly catchUpMaxDays: number;
  /** TRUTH_SPINE_CONFIG: the JSON file read, if any. */
  readonly configFile: string | null;
}

const positiveInteger = type('number.integer > 0');
const nonNegativeInteger = type('number.integer >= 0');
const nonEmpty = type('string > 0');
const cronPattern = type(/^\s*\S+(\s+\S+){4,5}\s*$/);

/** Each setting: its arktype check and how it is read. */
const pipelineSettings = {
  DATABASE_URL: { check: nonEmpty, kind: 'text' },
  BOOKS_DIR: { check: nonEmpty, kind: 'path' },
  LEDGER_DIR: { check: nonEmpty, kind: 'path' },
  OFFLINE_DATA_DIR: { check: nonEmpty, kind: 'path' },
  SCHEDULE_TIMEZONE: { check: nonEmpty, kind: 'text' },
  TZ: { check: nonEmpty, kind: 'text' },
  SCHEDULE_CRON: { check: cronPattern, kind: 'text' },
  PACK_DEADLINE_MINUTES: { check: positiveInteger, kind: 'number' },
  RUN_DEADLINE_MINUTES: { check: positiveInteger, kind: 'number' },
  STEP_MAX_ATTEMPTS: { check: positiveInteger, kind: 'number' },
  STEP_RETRY_INITIAL_MS: { check: nonNegativeInteger, kind: 'number' },
  STEP_RETRY_MAX_MS: { check: nonNegativeInteger, kind: 'number' },
  STEP_TIMEOUT_MINUTES: { check: positiveInteger, kind: 'number' },
  CATCH_UP_MAX_DAYS: { check: nonNegativeInteger, kind: 'number' },
} as const;

type SettingName = keyof typeof pipelineSettings;

/**
 * Reads the pipeline's configuration: the optional JSON file named by `TRUTH_SPINE_CONFIG`
 * (an object keyed by the same setting names, paths relative to the file), overridden by
 * the environment (paths relative to `cwd`). Every value is validated with arktype;
 * the first problem throws {@link ConfigError} naming the setting (and the file).
 * The other sections' settings (steps, providers, alerts, serve, workers) are read by their
 * own readers from {@link loadConfiguration}'s merged values.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  readFile?: (path: string) => string,
): TruthSpineConfig {
  return loadConfiguration(env, cwd, readFile).config;
}

/** {@link loadConfig}'s result together with the merged settings it was read from. */
export interface Configuration {
  readonly config: TruthSpineConfig;
  readonly settings: LoadedSettings;
}

/** Like {@link loadConfig}, also returning the merged settings for the other sections' readers. */
export function loadConfiguration(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  readFile?: (path: string) => string,
): Configuration {
  const settings = loadSettings(env, cwd, readFile);
  return { config: pipelineConfig(settings, cwd), settings };
}

function pipelineConfig(settings: LoadedSettings, cwd: string): TruthSpineConfig {
  const value = (name: SettingName): string | number | undefined => {
    const raw = present(settings.values[name]);
    if (raw === undefined) return undefined;
    const origin = settings.origin(name);
    const setting = pipelineSettings[name];
    const candidate =
      setting.kind === 'number' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
    const checked = setting.check(candidate as never);
    if (checked instanceof type.errors) throw new ConfigError(name, `${origin} ${checked.summary}`);
    if (setting.kind === 'path') {
      const text = String(checked);
      return isAbsolute(text) ? text : resolve(cwd, text);
    }
    return checked as string | number;
  };
  const number = (name: SettingName, fallback: number) =>
    (value(name) as number | undefined) ?? fallback;

  const booksDir = (value('BOOKS_DIR') as string | undefined) ?? bundledDemoDir;
  const scheduleTimezone =
    (value('SCHEDULE_TIMEZONE') as string | undefined) ??
    (value('TZ') as string | undefined) ??
    'UTC';
  assertTimeZone(
    scheduleTimezone,
    present(settings.values['SCHEDULE_TIMEZONE']) !== undefined ? 'SCHEDULE_TIMEZONE' : 'TZ',
  );
  const stepRetryInitialMs = number('STEP_RETRY_INITIAL_MS', 5_000);
  const stepRetryMaxMs = number('STEP_RETRY_MAX_MS', 60_000);
  if (stepRetryMaxMs < stepRetryInitialMs) {
    throw new ConfigError(
      'STEP_RETRY_MAX_MS',
      `STEP_RETRY_MAX_MS (${stepRetryMaxMs}) must be at least STEP_RETRY_INITIAL_MS (${stepRetryInitialMs})`,
    );
  }
  const packDeadlineMinutes = number('PACK_DEADLINE_MINUTES', 10);
  const runDeadlineMinutes = number('RUN_DEADLINE_MINUTES', 30);
  if (runDeadlineMinutes < packDeadlineMinutes) {
    throw new ConfigError(
      'RUN_DEADLINE_MINUTES',
      `RUN_DEADLINE_MINUTES (${runDeadlineMinutes}) must be at least PACK_DEADLINE_MINUTES (${packDeadlineMinutes})`,
    );
  }
  return {
    databaseUrl: value('DATABASE_URL') as string | undefined,
    booksDir,
    ledgerDir: (value('LEDGER_DIR') as string | undefined) ?? resolve(booksDir, 'ledgers'),
    offlineDataDir:
      (value('OFFLINE_DATA_DIR') as string | undefined) ?? resolve(bundledDemoDir, 'market'),
    scheduleTimezone,
    scheduleCron: ((value('SCHEDULE_CRON') as string | undefined) ?? '5 0 * * *').trim(),
    packDeadlineMinutes,
    runDeadlineMinutes,
    stepMaxAttempts: number('STEP_MAX_ATTEMPTS', 3),
    stepRetryInitialMs,
    stepRetryMaxMs,
    stepTimeoutMinutes: number('STEP_TIMEOUT_MINUTES', 20),
    catchUpMaxDays: number('CATCH_UP_MAX_DAYS', 7),
    configFile: settings.configFile,
  };
}

/**
 * BOOKS_DIR=none, from the environment or the file: load no books into an empty store (the
 * configuration's `booksDir` is then the directory `none`, which nothing reads).
 */
export function booksDirIsNone(settings: LoadedSettings): boolean {
  return present(settings.values['BOOKS_DIR'])?.trim() === 'none';
}

function assertTimeZone(zone: string, setting: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new ConfigError(
      setting,
      `${setting} must be an IANA time zone such as Europe/London (was ${JSON.stringify(zone)})`,
    );
  }
}
