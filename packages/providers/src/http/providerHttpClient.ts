import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { Type } from 'arktype';
import {
  apiKeySettingOf,
  type HttpProviderSettings,
  type ResilienceSettings,
} from '../config/providerConfig.js';
import { ProviderCircuitOpenError } from '../errors/providerCircuitOpenError.js';
import { RateLimiter } from './rateLimiter.js';
import { ProviderConfigError } from '../errors/providerConfigError.js';
import { ProviderError } from '../errors/providerError.js';
import {
  ProviderHttpError,
  failureKindOfStatus,
  type HttpFailureKind,
} from '../errors/providerHttpError.js';
import { ProviderNetworkError } from '../errors/providerNetworkError.js';
import { ProviderResponseError } from '../errors/providerResponseError.js';
import type { HttpProviderId } from '../model/providerId.js';
import { errorMessageOf } from './errorBody.js';
import { Redactor } from './redactor.js';
import { parseRetryAfter } from './retryAfter.js';
import { validatePayload } from './validatePayload.js';
import {
  realRetryEnvironment,
  retryWithBackoff,
  type RetryEnvironment,
  type RetryListener,
} from './retryWithBackoff.js';

/** One GET: `endpoint` names it in errors (a path template, never carrying the key). */
export interface HttpGet {
  readonly endpoint: string;
  /** Path (and optional query) relative to the base URL, e.g. `/v2/aggs/…?cursor=x`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
}

/** An error a provider reports inside a 2xx body (FMP's "Limit Reach" under HTTP 200). */
export interface BodyFailure {
  readonly kind: HttpFailureKind;
  readonly message: string;
}

/** How one provider authenticates and reports errors. */
export interface ProviderProtocol {
  readonly provider: HttpProviderId;
  /** Adds the key to the request the way the API documents it. */
  readonly authenticate: (url: URL, headers: Headers, apiKey: string) => void;
  /**
   * Detects an error body under a 2xx status (parsed JSON, or the raw text when it is
   * not JSON); null when the body is data.
   */
  readonly errorUnder2xx?: (body: unknown) => BodyFailure | null;
}

/** Options of {@link ProviderHttpClient}; `fetch` and `environment` are for tests. */
export interface ProviderHttpClientOptions {
  readonly protocol: ProviderProtocol;
  readonly settings: HttpProviderSettings;
  readonly resilience: ResilienceSettings;
  readonly fetch?: typeof fetch;
  readonly environment?: RetryEnvironment;
  /** Told about every retry (for logs); the error's message is already key-free. */
  readonly onRetry?: RetryListener;
}

/** What a caller may inject into a provider client: test doubles and a retry listener. */
export type ClientOverrides = Pick<ProviderHttpClientOptions, 'fetch' | 'environment' | 'onRetry'>;

/**
 * A resilient JSON GET client for one provider. Each call: rate limit and concurrency
 * limit ({@link RateLimiter}: at most `rateLimit.requests` starts in any
 * `rateLimit.intervalMs`, `maxConcurrency` at once; it holds no timer while idle, so a
 * finished command exits at once) → circuit breaker (cockatiel: opens after
 * `breakerThreshold` consecutive transient failures, half-opens after
 * `breakerHalfOpenMs`, closes on a successful probe) → one attempt with an AbortSignal
 * timeout (never beyond the retry budget left); the whole is retried by
 * {@link retryWithBackoff}, so a request never takes much longer than `retryBudgetMs`
 * plus the time it waited for its turn under the rate limit (which the budget ignores,
 * so a long queue never turns into a timeout). The key is added only to
 * the outgoing request and every message passes through a {@link Redactor}.
 */
export class ProviderHttpClient {
  readonly provider: HttpProviderId;
  private readonly limiter: RateLimiter;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly redactor: Redactor;
  private readonly fetchImpl: typeof fetch;
  private readonly environment: RetryEnvironment;

  constructor(private readonly options: ProviderHttpClientOptions) {
    this.provider = options.protocol.provider;
    const { rateLimit, maxConcurrency, apiKey } = options.settings;
    this.limiter = new RateLimiter(maxConcurrency, rateLimit);
    this.breaker = circuitBreaker(
      handleWhen((error) => error instanceof ProviderError && error.retryable),
      {
        halfOpenAfter: options.resilience.breakerHalfOpenMs,
        breaker: new ConsecutiveBreaker(options.resilience.breakerThreshold),
      },
    );
    this.redactor = new Redactor([apiKey ?? undefined]);
    this.fetchImpl = options.fetch ?? fetch;
    this.environment = options.environment ?? realRetryEnvironment;
  }

  /** Circuit state for health reports: `closed`, `open`, `half-open` or `isolated`. */
  get circuitState(): string {
    return ['closed', 'open', 'half-open', 'isolated'][this.breaker.state] ?? 'unknown';
  }

  /** Removes this provider's key (and any key parameter) from `text`. */
  redact(text: string): string {
    return this.redactor.redact(text);
  }

  /** GETs and parses JSON, with every resilience layer; throws a {@link ProviderError}. */
  async getJson(request: HttpGet, signal?: AbortSignal): Promise<unknown> {
    const apiKey = this.options.settings.apiKey;
    if (apiKey === null) {
      throw new ProviderConfigError(
        apiKeySettingOf(this.provider),
        `not set; ${this.provider} ${request.endpoint} needs an API key`,
      );
    }
    // The retry budget measures attempts and backoff, not time spent waiting for a turn
    // under our own rate limit: a clock that stands still while the request is queued.
    const queue = { waitedMs: 0 };
    const budgetClock: RetryEnvironment = {
      ...this.environment,
      now: () => this.environment.now() - queue.waitedMs,
    };
    return retryWithBackoff(
      (_attempt, remainingMs) => this.throughBreaker(request, apiKey, remainingMs, queue, signal),
      this.options.resilience,
      budgetClock,
      signal,
      this.options.onRetry,
    );
  }

  /** {@link getJson}, then checks the body against `schema` ({@link validatePayload}). */
  async get<T>(schema: Type<T>, request: HttpGet, signal?: AbortSignal): Promise<T> {
    const body = await this.getJson(request, signal);
    return validatePayload(schema, body, this.provider, request.endpoint, (text) =>
      this.redact(text),
    );
  }

  private async throughBreaker(
    request: HttpGet,
    apiKey: string,
    remainingMs: number,
    queue: { waitedMs: number },
    signal?: AbortSignal,
  ): Promise<unknown> {
    const enqueuedAt = this.environment.now();
    try {
      return await this.breaker.execute(() =>
        this.limiter.run(() => {
          queue.waitedMs += this.environment.now() - enqueuedAt;
          return this.attempt(request, apiKey, remainingMs, signal);
        }, signal),
      );
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        const last = this.breaker.lastFailure;
        const lastText =
          last !== undefined && 'error' in last && last.error instanceof Error
            ? last.error.message
            : 'unknown';
        throw new ProviderCircuitOpenError(this.provider, request.endpoint, this.redact(lastText));
      }
      throw error;
    }
  }

  private urlOf(request: HttpGet, apiKey: string, headers: Headers): URL {
    const url = new URL(request.path, `${this.options.settings.baseUrl}/`);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    this.options.protocol.authenticate(url, headers, apiKey);
    return url;
  }

  /** One request; its timeout is the per-attempt timeout or the budget left, if smaller. */
  private async attempt(
    request: HttpGet,
    apiKey: string,
    budgetLeftMs: number,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const { endpoint } = request;
    const headers = new Headers({ accept: 'application/json' });
    const url = this.urlOf(request, apiKey, headers);
    const timeoutMs = Math.min(this.options.resilience.timeoutMs, budgetLeftMs);
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal === undefined ? timeout : AbortSignal.any([timeout, signal]);
    let status: number;
    let retryAfter: string | null;
    let location: string | null;
    let text: string;
    try {
      // Redirects are not followed: the key must never travel to a host we were not configured with.
      const response = await this.fetchImpl(url, { headers, signal: combined, redirect: 'manual' });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      location = response.headers.get('location');
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) {
        throw new ProviderNetworkError(this.provider, endpoint, true, `${timeoutMs} ms`);
      }
      throw new ProviderNetworkError(this.provider, endpoint, false, this.describe(error));
    }
    const body = parseBody(text);
    if (status < 200 || status > 299) {
      const message =
        status >= 300 && status < 400
          ? `redirected to ${location ?? '(no location)'}; not followed — set the base URL to the new host if it is the provider's`
          : errorMessageOf(body);
      throw new ProviderHttpError(
        this.provider,
        endpoint,
        status,
        failureKindOfStatus(status),
        this.redact(message),
        parseRetryAfter(retryAfter, this.environment.now()),
      );
    }
    const failure = this.options.protocol.errorUnder2xx?.(body) ?? null;
    if (failure === null && typeof body === 'string') {
      throw new ProviderResponseError(this.provider, endpoint, '', this.redact(body), 'JSON');
    }
    if (failure !== null) {
      throw new ProviderHttpError(
        this.provider,
        endpoint,
        status,
        failure.kind,
        this.redact(failure.message),
        parseRetryAfter(retryAfter, this.environment.now()),
      );
    }
    return body;
  }

  /** A network failure's cause in one line, e.g. `ECONNREFUSED`, key-free. */
  private describe(error: unknown): string {
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail =
      typeof cause?.code === 'string'
        ? cause.code
        : typeof cause?.message === 'string'
          ? cause.message
          : error instanceof Error
            ? error.message
            : String(error);
    return this.redact(detail.replace(/\s+/g, ' '));
  }
}

/** Parsed JSON, or the raw text when the body is not JSON (plain-text or truncated). */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
