import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type } from 'arktype';

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
const settings = {
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

type SettingName = keyof typeof settings;

/**
 * Reads the configuration: the optional JSON file named by `TRUTH_SPINE_CONFIG` (an
 * object keyed by the same setting names, paths relative to the file), overridden by
 * the environment (paths relative to `cwd`). Every value is validated with arktype;
 * the first problem throws {@link ConfigError} naming the setting (and the file).
 * Settings that only other packages read (provider keys, ALERT_*) are ignored here.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): TruthSpineConfig {
  const configPath = present(env['TRUTH_SPINE_CONFIG']);
  const fromFile =
    configPath === undefined ? {} : readConfigFile(resolve(cwd, configPath), readFile);
  const fileDir = configPath === undefined ? cwd : dirname(resolve(cwd, configPath));

  const value = (name: SettingName): string | number | undefined => {
    const fromEnv = present(env[name]);
    const raw = fromEnv ?? fromFile[name];
    if (raw === undefined) return undefined;
    const origin = fromEnv === undefined ? `${name} in ${configPath}` : name;
    const setting = settings[name];
    const candidate =
      setting.kind === 'number' && typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)
        ? Number(raw)
        : raw;
    const checked = setting.check(candidate as never);
    if (checked instanceof type.errors) throw new ConfigError(name, `${origin} ${checked.summary}`);
    if (setting.kind === 'path') {
      const text = String(checked);
      return isAbsolute(text) ? text : resolve(fromEnv === undefined ? fileDir : cwd, text);
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
    env['SCHEDULE_TIMEZONE'] !== undefined || fromFile['SCHEDULE_TIMEZONE'] !== undefined
      ? 'SCHEDULE_TIMEZONE'
      : 'TZ',
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
    configFile: configPath === undefined ? null : resolve(cwd, configPath),
  };
}

function readConfigFile(
  path: string,
  readFile: (path: string) => string,
): Partial<Record<SettingName, string | number>> {
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    throw new ConfigError(
      'TRUTH_SPINE_CONFIG',
      `TRUTH_SPINE_CONFIG ${path} cannot be read: ${(error as Error).message}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      'TRUTH_SPINE_CONFIG',
      `TRUTH_SPINE_CONFIG ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(
      'TRUTH_SPINE_CONFIG',
      `TRUTH_SPINE_CONFIG ${path} must hold a JSON object of settings`,
    );
  }
  const result: Partial<Record<SettingName, string | number>> = {};
  for (const [key, raw] of Object.entries(parsed)) {
    if (!(key in settings)) {
      throw new ConfigError(
        'TRUTH_SPINE_CONFIG',
        `${key} in ${path} is not a setting (known: ${Object.keys(settings).join(', ')})`,
      );
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      throw new ConfigError(key, `${key} in ${path} must be a string or a number`);
    }
    result[key as SettingName] = raw;
  }
  return result;
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

function present(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

/** A setting is invalid; `setting` names it and the message says what is expected. */
export class ConfigError extends Error {
  readonly code = 'invalid_config' as const;
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}
