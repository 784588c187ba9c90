import { minimumSecretLength } from './secretLength.js';
import {
  choiceSetting,
  flagSetting,
  fractionSetting,
  pathSetting,
  secretSetting,
  textSetting,
  tickerSetting,
  wholeNumberSetting,
  type SettingType,
} from './settingTypes.js';

/**
 * Every setting truth-spine reads, in one table: its name, the part of the system that reads
 * it, how its value is taken and a one-line summary (docs/OPERATIONS.md lists them all; a
 * test keeps the two in step). A setting may come from the environment or from the JSON file
 * named by TRUTH_SPINE_CONFIG (the environment wins) unless it is `environmentOnly`.
 *
 * A `checked` row also gives the value's type (`settingTypes.ts`) and its default: the
 * catalog validates it (`checkedSettings`) and its section's reader takes the typed value.
 * The other rows are validated by their own reader (`loadConfig`, `loadProviderConfig`)
 * from the merged values (`loadSettings(...).values`).
 *
 * Adding a setting: add its row here (`checked` whenever one type fits), take its value in
 * its section's reader, and list it in docs/OPERATIONS.md.
 */
export const settingCatalog = [
  // pipeline (loadConfig)
  row('TRUTH_SPINE_CONFIG', 'pipeline', 'path', 'JSON file of settings', { environmentOnly: true }),
  row(
    'DATABASE_URL',
    'pipeline',
    'secret',
    'postgres://… or pglite://DIR (default: PGlite in ./.data)',
  ),
  row(
    'BOOKS_DIR',
    'pipeline',
    'path',
    'portfolios.json, securities.csv, transactions/; none: no books',
    {
      keyword: 'none',
    },
  ),
  row('LEDGER_DIR', 'pipeline', 'path', 'one Beancount ledger per portfolio'),
  row(
    'OFFLINE_DATA_DIR',
    'pipeline',
    'path',
    'offline market data replayed by MARKET_DATA=offline',
  ),
  row('SCHEDULE_TIMEZONE', 'pipeline', 'text', 'IANA zone of the schedule and of "today"'),
  row('TZ', 'pipeline', 'text', 'fallback of SCHEDULE_TIMEZONE'),
  row('SCHEDULE_CRON', 'pipeline', 'text', 'when serve starts a night (5 0 * * *)'),
  row('PACK_DEADLINE_MINUTES', 'pipeline', 'number', 'pack built within this after the start (10)'),
  row(
    'RUN_DEADLINE_MINUTES',
    'pipeline',
    'number',
    'run finished within this after the start (30)',
  ),
  row('STEP_MAX_ATTEMPTS', 'pipeline', 'number', 'attempts of a non-critical step (3)'),
  row('STEP_RETRY_INITIAL_MS', 'pipeline', 'number', 'first retry delay, doubling (5000)'),
  row('STEP_RETRY_MAX_MS', 'pipeline', 'number', 'longest retry delay (60000)'),
  row('STEP_TIMEOUT_MINUTES', 'pipeline', 'number', 'timeout of one step attempt (20)'),
  row('CATCH_UP_MAX_DAYS', 'pipeline', 'number', 'missed dates serve catches up at start (7)'),
  // step bodies (the runner's stepSettings; unset: the step's own default)
  checked(
    'CALENDAR_SYMBOL',
    'steps',
    tickerSetting,
    null,
    'a date is a trading day iff this symbol closed (SPY)',
  ),
  checked(
    'MAX_CARRY_FORWARD_DAYS',
    'steps',
    wholeNumberSetting(0),
    null,
    'days a missing close may be carried forward (5)',
  ),
  checked(
    'MAX_MISSING_FRACTION',
    'steps',
    fractionSetting,
    null,
    'share of closes that may be missing (0.02)',
  ),
  // market data (the runner's marketSources) and providers (loadProviderConfig)
  checked(
    'MARKET_DATA',
    'market',
    choiceSetting(['offline', 'live']),
    'offline',
    'offline (default) or live',
  ),
  ...providerRows('FMP'),
  ...providerRows('POLYGON'),
  ...providerRows('FRED'),
  ...providerRows('NEWSAPI'),
  row('PROVIDER_TIMEOUT_MS', 'providers', 'number', 'timeout of one HTTP attempt (10000)'),
  row('PROVIDER_MAX_ATTEMPTS', 'providers', 'number', 'attempts per HTTP request (4)'),
  row('PROVIDER_BACKOFF_BASE_MS', 'providers', 'number', 'first backoff step (500)'),
  row('PROVIDER_BACKOFF_MAX_MS', 'providers', 'number', 'largest backoff step (8000)'),
  row('PROVIDER_RETRY_BUDGET_MS', 'providers', 'number', 'time one request may spend (30000)'),
  row('PROVIDER_BREAKER_THRESHOLD', 'providers', 'number', 'failures that open the breaker (5)'),
  row('PROVIDER_BREAKER_HALF_OPEN_MS', 'providers', 'number', 'pause before a probe (30000)'),
  // alerts (readAlertSettings: the URL's scheme and the pairing of URL and secret)
  checked('ALERT_RULES', 'alerts', pathSetting, null, 'the alert rules file'),
  checked('ALERT_WEBHOOK_URL', 'alerts', textSetting, null, 'http(s) URL alerts are posted to'),
  checked(
    'ALERT_WEBHOOK_SECRET',
    'alerts',
    secretSetting({ trim: false }),
    null,
    `signing secret of the webhook (≥ ${minimumSecretLength} characters)`,
  ),
  checked('ALERT_OUTBOX', 'alerts', pathSetting, null, 'JSONL file alerts are appended to'),
  // serve (the runner's serveSettings and webSettings)
  checked(
    'HTTP_HOST',
    'serve',
    textSetting,
    '127.0.0.1',
    'address the endpoints listen on (127.0.0.1)',
  ),
  checked(
    'HTTP_PORT',
    'serve',
    wholeNumberSetting(0, 65_535),
    8080,
    'port of the endpoints (8080; 0 = any free port)',
  ),
  checked(
    'HTTP_ACCESS_TOKEN',
    'serve',
    secretSetting({ minLength: minimumSecretLength }),
    null,
    `token the pages and the read API ask for; required off loopback (≥ ${minimumSecretLength} characters)`,
  ),
  checked(
    'SHUTDOWN_GRACE_SECONDS',
    'serve',
    wholeNumberSetting(1, 3_600),
    20,
    'wait for the interrupted run on shutdown (20)',
  ),
  // distributed nights and workers (the runner's workerSettings)
  checked('DISTRIBUTED', 'workers', flagSetting, false, 'true: steps 3–5 by worker processes'),
  checked(
    'DISTRIBUTED_BATCH_SIZE',
    'workers',
    wholeNumberSetting(1),
    500,
    'portfolios per batch (500)',
  ),
  checked(
    'WORKER_CONCURRENCY',
    'workers',
    wholeNumberSetting(1),
    1,
    'batches one worker runs at once (1)',
  ),
  checked(
    'WORKER_DRILL_PAUSE_MS',
    'workers',
    wholeNumberSetting(0),
    0,
    'crash drills only: pause inside a batch (0)',
  ),
  checked(
    'DISTRIBUTED_RETRY_LIMIT',
    'workers',
    wholeNumberSetting(0),
    2,
    'retries of a failed batch (2)',
  ),
  checked(
    'DISTRIBUTED_RETRY_DELAY_SECONDS',
    'workers',
    wholeNumberSetting(0),
    5,
    'delay between retries (5)',
  ),
  checked(
    'DISTRIBUTED_BATCH_EXPIRE_SECONDS',
    'workers',
    wholeNumberSetting(1),
    900,
    'an attempt older is retried (900)',
  ),
  checked(
    'DISTRIBUTED_MAINTENANCE_SECONDS',
    'workers',
    wholeNumberSetting(1),
    10,
    'queue maintenance interval (10)',
  ),
  checked(
    'DISTRIBUTED_POLL_SECONDS',
    'workers',
    wholeNumberSetting(1),
    1,
    'how often workers poll (1)',
  ),
  // logging (read before anything else, so from the environment only; an unknown level is info)
  checked('LOG_LEVEL', 'logging', textSetting, 'info', 'pino level (info)', {
    environmentOnly: true,
  }),
  checked('LOG_FORMAT', 'logging', textSetting, null, 'json: JSON lines even on a terminal', {
    environmentOnly: true,
  }),
] as const satisfies readonly SettingSpec[];

/** The part of the system that reads a setting. */
export type SettingSection =
  'pipeline' | 'steps' | 'market' | 'providers' | 'alerts' | 'serve' | 'workers' | 'logging';

/**
 * How a value is taken: `path` values from the file are resolved against the file's
 * directory; `secret` values never appear in a message.
 */
export type SettingKind = 'text' | 'number' | 'path' | 'secret';

/** One row of {@link settingCatalog}. */
export interface SettingSpec {
  readonly name: string;
  readonly section: SettingSection;
  readonly kind: SettingKind;
  readonly summary: string;
  /** True when the setting is read from the environment only (not from the file). */
  readonly environmentOnly: boolean;
  /** A `path` setting's value that is a word, not a path (never resolved), or null. */
  readonly keyword: string | null;
  /** True when the value must never appear in a log line, a message or a page. */
  readonly secret: boolean;
  /**
   * The value type the catalog checks (`checkedSettings`), or null when the setting is
   * checked by its own reader (`loadConfig` for the pipeline's, `loadProviderConfig`).
   */
  readonly type: SettingType<unknown> | null;
  /** The value when unset (checked settings only; null: none, or the reader's own). */
  readonly defaultValue: unknown;
}

/** The name of a catalogued setting. */
export type SettingName = (typeof settingCatalog)[number]['name'];

/** A row the catalog checks itself: its type and default are part of its own type. */
interface CheckedSpec<N extends string, T, D extends T | null> extends SettingSpec {
  readonly name: N;
  readonly type: SettingType<T>;
  readonly defaultValue: D;
}

type CheckedRow = Extract<(typeof settingCatalog)[number], { type: SettingType<unknown> }>;

/** The name of a setting the catalog checks ({@link checkedSettings}). */
export type CheckedSettingName = CheckedRow['name'];

/** The checked value of `N`: its type's value, or null when it is unset and has no default. */
export type CheckedSettingValue<N extends CheckedSettingName> =
  Extract<CheckedRow, { name: N }> extends CheckedSpec<N, infer T, infer D>
    ? D extends null
      ? T | null
      : T
    : never;

/** The checked value of every {@link CheckedSettingName}. */
export type CheckedSettings = { readonly [N in CheckedSettingName]: CheckedSettingValue<N> };

/** The row of `name`, or undefined when it is not a setting. */
export function settingSpec(name: string): SettingSpec | undefined {
  return (settingCatalog as readonly SettingSpec[]).find((s) => s.name === name);
}

function row<const N extends string>(
  name: N,
  section: SettingSection,
  kind: SettingKind,
  summary: string,
  options: { readonly environmentOnly?: boolean; readonly keyword?: string } = {},
): SettingSpec & { readonly name: N; readonly type: null } {
  return {
    name,
    section,
    kind,
    summary,
    environmentOnly: options.environmentOnly ?? false,
    keyword: options.keyword ?? null,
    secret: kind === 'secret',
    type: null,
    defaultValue: null,
  };
}

function checked<const N extends string, T, const D extends T | null>(
  name: N,
  section: SettingSection,
  type: SettingType<T>,
  defaultValue: D,
  summary: string,
  options: { readonly environmentOnly?: boolean } = {},
): CheckedSpec<N, T, D> {
  return {
    name,
    section,
    kind: type.kind,
    summary,
    environmentOnly: options.environmentOnly ?? false,
    keyword: null,
    secret: type.kind === 'secret',
    type,
    defaultValue,
  };
}

function providerRows<const P extends string>(prefix: P) {
  return [
    row(`${prefix}_API_KEY`, 'providers', 'secret', `API key of ${prefix}`),
    row(`${prefix}_BASE_URL`, 'providers', 'text', `scheme and host of ${prefix}`),
    row(`${prefix}_RATE_LIMIT`, 'providers', 'text', `calls per window, N/<duration>`),
    row(`${prefix}_MAX_CONCURRENCY`, 'providers', 'number', `requests in flight to ${prefix}`),
  ] as const;
}
