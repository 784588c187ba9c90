import { type } from 'arktype';
import { ProviderConfigError } from '../errors/providerConfigError.js';
import { httpProviderIds, type HttpProviderId } from '../model/providerId.js';
import { parseRateLimit, type RateLimit } from './rateLimit.js';

/** Retry, timeout and circuit-breaker settings shared by every HTTP provider. */
export interface ResilienceSettings {
  /** Per-attempt timeout (AbortSignal), ms. */
  readonly timeoutMs: number;
  /** Attempts per request including the first. */
  readonly maxAttempts: number;
  /** First backoff step, ms; attempt n waits a random time in [0, min(max, base·2ⁿ⁻¹)]. */
  readonly backoffBaseMs: number;
  /** Cap of one backoff step, ms. */
  readonly backoffMaxMs: number;
  /** Total time one request may spend in attempts and waits before it gives up, ms. */
  readonly retryBudgetMs: number;
  /** Consecutive transient failures that open the circuit breaker. */
  readonly breakerThreshold: number;
  /** Pause before an open breaker lets one probe call through (half-open), ms. */
  readonly breakerHalfOpenMs: number;
}

/** Settings of one HTTP provider. */
export interface HttpProviderSettings {
  /** Scheme and host (and port), no path, no trailing slash. */
  readonly baseUrl: string;
  /** The key, or null when not configured (calls then fail with a config error). */
  readonly apiKey: string | null;
  readonly rateLimit: RateLimit;
  readonly maxConcurrency: number;
}

/** Everything the provider clients need, validated. */
export interface ProviderConfig {
  readonly providers: Readonly<Record<HttpProviderId, HttpProviderSettings>>;
  readonly resilience: ResilienceSettings;
}

/** Environment-variable prefix of each provider's settings. */
const prefixOf: Record<HttpProviderId, string> = {
  fmp: 'FMP',
  polygon: 'POLYGON',
  fred: 'FRED',
  newsapi: 'NEWSAPI',
};

/**
 * Defaults: public base URLs, and each provider's published quota — FMP Starter
 * 300 calls/min, Polygon/Massive Basic 5 calls/min, FRED 120 calls/min, NewsAPI
 * Developer 100 calls/24 h (50 per 12 h).
 */
const providerDefaults: Record<
  HttpProviderId,
  { baseUrl: string; rateLimit: string; maxConcurrency: number }
> = {
  fmp: { baseUrl: 'https://financialmodelingprep.com', rateLimit: '300/1m', maxConcurrency: 4 },
  polygon: { baseUrl: 'https://api.polygon.io', rateLimit: '5/1m', maxConcurrency: 2 },
  fred: { baseUrl: 'https://api.stlouisfed.org', rateLimit: '120/1m', maxConcurrency: 2 },
  newsapi: { baseUrl: 'https://newsapi.org', rateLimit: '50/12h', maxConcurrency: 1 },
};

/** Shared resilience settings: env name → default. */
const resilienceDefaults = {
  PROVIDER_TIMEOUT_MS: 10_000,
  PROVIDER_MAX_ATTEMPTS: 4,
  PROVIDER_BACKOFF_BASE_MS: 500,
  PROVIDER_BACKOFF_MAX_MS: 8_000,
  PROVIDER_RETRY_BUDGET_MS: 30_000,
  PROVIDER_BREAKER_THRESHOLD: 5,
  PROVIDER_BREAKER_HALF_OPEN_MS: 30_000,
} as const;

type ResilienceSetting = keyof typeof resilienceDefaults;

const baseUrlMustBe = 'a URL with scheme and host only, e.g. https://api.polygon.io';
const positiveInteger = type('string.integer.parse').to('1 <= number.integer <= 86400000');

/** True for `http(s)://host[:port]` with at most a trailing `/`, nothing else. */
function isSchemeAndHost(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  const bare = text.endsWith('/') ? text.slice(0, -1) : text;
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === '' &&
    bare === `${url.protocol}//${url.host}`
  );
}

const baseUrlType = type('string').narrow(
  (text, ctx) => isSchemeAndHost(text) || ctx.mustBe(baseUrlMustBe),
);
const apiKeyType = type('string').narrow(
  (text, ctx) => /^\S+$/.test(text) || ctx.mustBe('a key without spaces'),
);
const rateLimitType = type('string').narrow(
  (text, ctx) => parseRateLimit(text) !== null || ctx.mustBe('a quota like 5/1m or 50/12h'),
);

/** A quota already checked by the schema (or a default), parsed. */
function rateLimitSetting(name: string, text: string): RateLimit {
  const limit = parseRateLimit(text);
  if (limit === null) throw new ProviderConfigError(name, 'must be a quota like 5/1m or 50/12h');
  return limit;
}

/** Names of the settings whose values are secret and never quoted. */
const secretSettings = new Set(httpProviderIds.map((id) => `${prefixOf[id]}_API_KEY`));

function buildEnvSchema() {
  const shape: Record<string, unknown> = {};
  for (const id of httpProviderIds) {
    const p = prefixOf[id];
    shape[`${p}_BASE_URL?`] = baseUrlType;
    shape[`${p}_API_KEY?`] = apiKeyType;
    shape[`${p}_RATE_LIMIT?`] = rateLimitType;
    shape[`${p}_MAX_CONCURRENCY?`] = positiveInteger;
  }
  for (const name of Object.keys(resilienceDefaults)) shape[`${name}?`] = positiveInteger;
  return type(shape as Record<string, typeof positiveInteger>);
}

const envSchema = buildEnvSchema();

/** Blank values count as unset, so `FMP_API_KEY=` behaves like no key. */
function withoutBlanks(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') out[name] = value;
  }
  return out;
}

/**
 * Reads and validates provider settings from environment variables (README.md#configuration-loadproviderconfigenv):
 * `<P>_BASE_URL` (scheme and host only), `<P>_API_KEY`, `<P>_RATE_LIMIT` (`N/<duration>`),
 * `<P>_MAX_CONCURRENCY` for P ∈ FMP, POLYGON, FRED, NEWSAPI, and the shared
 * `PROVIDER_TIMEOUT_MS`, `PROVIDER_MAX_ATTEMPTS`, `PROVIDER_BACKOFF_BASE_MS`,
 * `PROVIDER_BACKOFF_MAX_MS`, `PROVIDER_RETRY_BUDGET_MS`, `PROVIDER_BREAKER_THRESHOLD`,
 * `PROVIDER_BREAKER_HALF_OPEN_MS`. Unknown variables are ignored; blank counts as unset.
 * Throws {@link ProviderConfigError} naming the first bad setting (a key's value is never
 * quoted).
 */
export function loadProviderConfig(
  env: Readonly<Record<string, string | undefined>>,
): ProviderConfig {
  const relevant = withoutBlanks(env);
  const parsed = envSchema(relevant);
  if (parsed instanceof type.errors) {
    const first = parsed.at(0);
    const setting = String(first?.path[0] ?? '(environment)');
    const quoted = secretSettings.has(setting) ? '' : ` (got ${JSON.stringify(first?.data)})`;
    throw new ProviderConfigError(setting, `must be ${first?.expected ?? parsed.summary}${quoted}`);
  }
  const values = parsed as Record<string, string | number | undefined>;
  const setting = <T extends string | number | null>(name: string, fallback: T): T =>
    (values[name] as T | undefined) ?? fallback;

  const providers = {} as Record<HttpProviderId, HttpProviderSettings>;
  for (const id of httpProviderIds) {
    const p = prefixOf[id];
    const defaults = providerDefaults[id];
    const baseUrl = setting(`${p}_BASE_URL`, defaults.baseUrl);
    providers[id] = {
      baseUrl: baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl,
      apiKey: setting<string | null>(`${p}_API_KEY`, null),
      rateLimit: rateLimitSetting(
        `${p}_RATE_LIMIT`,
        setting(`${p}_RATE_LIMIT`, defaults.rateLimit),
      ),
      maxConcurrency: setting(`${p}_MAX_CONCURRENCY`, defaults.maxConcurrency),
    };
  }
  const resilienceValue = (name: ResilienceSetting): number =>
    setting(name, resilienceDefaults[name]);
  const resilience: ResilienceSettings = {
    timeoutMs: resilienceValue('PROVIDER_TIMEOUT_MS'),
    maxAttempts: resilienceValue('PROVIDER_MAX_ATTEMPTS'),
    backoffBaseMs: resilienceValue('PROVIDER_BACKOFF_BASE_MS'),
    backoffMaxMs: resilienceValue('PROVIDER_BACKOFF_MAX_MS'),
    retryBudgetMs: resilienceValue('PROVIDER_RETRY_BUDGET_MS'),
    breakerThreshold: resilienceValue('PROVIDER_BREAKER_THRESHOLD'),
    breakerHalfOpenMs: resilienceValue('PROVIDER_BREAKER_HALF_OPEN_MS'),
  };
  if (resilience.backoffMaxMs < resilience.backoffBaseMs) {
    throw new ProviderConfigError(
      'PROVIDER_BACKOFF_MAX_MS',
      `must be at least PROVIDER_BACKOFF_BASE_MS (${resilience.backoffBaseMs})`,
    );
  }
  return { providers, resilience };
}

/** Environment-variable name of a provider's key, for messages. */
export function apiKeySettingOf(id: HttpProviderId): string {
  return `${prefixOf[id]}_API_KEY`;
}
