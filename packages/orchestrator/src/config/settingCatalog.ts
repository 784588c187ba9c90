/**
 * Every setting truth-spine reads, in one table: its name, the part of the system that reads
 * it, how its value is taken and a one-line summary (docs/OPERATIONS.md lists them all; a
 * test keeps the two in step). A setting may come from the environment or from the JSON file
 * named by TRUTH_SPINE_CONFIG (the environment wins) unless it is `environmentOnly`.
 *
 * Adding a setting: add its row here, then read it in its section's reader from the merged
 * values (`loadSettings(...).values`), and list it in docs/OPERATIONS.md.
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
  row('BOOKS_DIR', 'pipeline', 'path', 'portfolios.json, securities.csv, transactions/'),
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
  // step bodies (the runner's stepSettings)
  row('CALENDAR_SYMBOL', 'steps', 'text', 'a date is a trading day iff this symbol closed (SPY)'),
  row('MAX_CARRY_FORWARD_DAYS', 'steps', 'number', 'days a missing close may be carried forward'),
  row('MAX_MISSING_FRACTION', 'steps', 'number', 'share of closes that may be missing (0.02)'),
  // market data (the runner's marketSources) and providers (loadProviderConfig)
  row('MARKET_DATA', 'market', 'text', 'offline (default) or live'),
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
  // alerts (readAlertSettings)
  row('ALERT_RULES', 'alerts', 'path', 'the alert rules file'),
  row('ALERT_WEBHOOK_URL', 'alerts', 'text', 'http(s) URL alerts are posted to'),
  row(
    'ALERT_WEBHOOK_SECRET',
    'alerts',
    'secret',
    'signing secret of the webhook (≥ 16 characters)',
  ),
  row('ALERT_OUTBOX', 'alerts', 'path', 'JSONL file alerts are appended to'),
  // serve (the runner's serveSettings)
  row('HTTP_HOST', 'serve', 'text', 'address the endpoints listen on (127.0.0.1)'),
  row('HTTP_PORT', 'serve', 'number', 'port of the endpoints (8080; 0 = any free port)'),
  row('SHUTDOWN_GRACE_SECONDS', 'serve', 'number', 'wait for the interrupted run on shutdown (20)'),
  // distributed nights and workers (the runner's workerSettings)
  row('DISTRIBUTED', 'workers', 'text', 'true: steps 3–5 by worker processes'),
  row('DISTRIBUTED_BATCH_SIZE', 'workers', 'number', 'portfolios per batch (500)'),
  row('WORKER_CONCURRENCY', 'workers', 'number', 'batches one worker runs at once (1)'),
  row('WORKER_DRILL_PAUSE_MS', 'workers', 'number', 'crash drills only: pause inside a batch (0)'),
  row('DISTRIBUTED_RETRY_LIMIT', 'workers', 'number', 'retries of a failed batch (2)'),
  row('DISTRIBUTED_RETRY_DELAY_SECONDS', 'workers', 'number', 'delay between retries (5)'),
  row('DISTRIBUTED_BATCH_EXPIRE_SECONDS', 'workers', 'number', 'an attempt older is retried (900)'),
  row('DISTRIBUTED_MAINTENANCE_SECONDS', 'workers', 'number', 'queue maintenance interval (10)'),
  row('DISTRIBUTED_POLL_SECONDS', 'workers', 'number', 'how often workers poll (1)'),
  // logging (read before anything else, so from the environment only)
  row('LOG_LEVEL', 'logging', 'text', 'pino level (info)', { environmentOnly: true }),
  row('LOG_FORMAT', 'logging', 'text', 'json: JSON lines even on a terminal', {
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
}

/** The name of a catalogued setting. */
export type SettingName = (typeof settingCatalog)[number]['name'];

/** The row of `name`, or undefined when it is not a setting. */
export function settingSpec(name: string): SettingSpec | undefined {
  return (settingCatalog as readonly SettingSpec[]).find((s) => s.name === name);
}

function row<const N extends string>(
  name: N,
  section: SettingSection,
  kind: SettingKind,
  summary: string,
  options: { readonly environmentOnly?: boolean } = {},
): SettingSpec & { readonly name: N } {
  return { name, section, kind, summary, environmentOnly: options.environmentOnly ?? false };
}

function providerRows<const P extends string>(prefix: P) {
  return [
    row(`${prefix}_API_KEY`, 'providers', 'secret', `API key of ${prefix}`),
    row(`${prefix}_BASE_URL`, 'providers', 'text', `scheme and host of ${prefix}`),
    row(`${prefix}_RATE_LIMIT`, 'providers', 'text', `calls per window, N/<duration>`),
    row(`${prefix}_MAX_CONCURRENCY`, 'providers', 'number', `requests in flight to ${prefix}`),
  ] as const;
}
