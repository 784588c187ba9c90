/**
 * @truth-spine/providers — market data behind small provider-neutral interfaces (README.md):
 * FMP, Polygon/Massive, FRED and NewsAPI over HTTP with validation, retries, circuit
 * breaking and rate limits, plus an offline replay source and recorder for the
 * `truth-spine-offline/1` data-set format (docs/OFFLINE-FORMAT.md).
 * Test helpers (fake provider server) live in `@truth-spine/providers/testing`.
 */
export * from './composite/pricesWithFallback.js';
export * from './config/providerConfig.js';
export * from './config/rateLimit.js';
export * from './createProviders.js';
export * from './errors/providerCircuitOpenError.js';
export * from './errors/providerConfigError.js';
export * from './errors/providerError.js';
export * from './errors/providerHttpError.js';
export * from './errors/providerNetworkError.js';
export * from './errors/providerResponseError.js';
export * from './fmp/fmpClient.js';
export * from './fred/fredClient.js';
export {
  ProviderHttpClient,
  type BodyFailure,
  type ClientOverrides,
  type HttpGet,
  type ProviderProtocol,
} from './http/providerHttpClient.js';
export * from './http/redactor.js';
export type { RetryEnvironment, RetryListener } from './http/retryWithBackoff.js';
export * from './model/currencyPair.js';
export * from './model/decimal.js';
export * from './model/isoDate.js';
export type * from './model/marketData.js';
export * from './model/providerId.js';
export type * from './model/sources.js';
export * from './newsapi/newsApiClient.js';
export * from './offline/offlineDataError.js';
export * from './offline/offlineFormat.js';
export * from './offline/offlineRecorder.js';
export * from './offline/offlineReplaySource.js';
export * from './polygon/polygonClient.js';
