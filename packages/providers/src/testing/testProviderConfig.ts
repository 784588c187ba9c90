import { loadProviderConfig, type ProviderConfig } from '../config/providerConfig.js';
import type { FakeProviderServer } from './fakeProviderServer.js';

/** Keys the tests use; distinctive so a leak is easy to find in any output. */
export const testApiKeys = {
  fmp: 'fmpKEY-5ecret-0001',
  polygon: 'polyKEY-5ecret-0002',
  fred: 'fredkey5ecret00000000000000000003',
  newsapi: 'newsKEY-5ecret-0004',
} as const;

/**
 * Settings pointing every provider at `server` with tiny timeouts and backoff so
 * fault tests run in milliseconds; `extra` overrides any variable.
 */
export function testProviderConfig(
  server: FakeProviderServer,
  extra: Record<string, string> = {},
): ProviderConfig {
  return loadProviderConfig({ ...testProviderEnv(server), ...extra });
}

/** The environment behind {@link testProviderConfig}. */
export function testProviderEnv(server: FakeProviderServer): Record<string, string> {
  return {
    ...server.env(testApiKeys),
    FMP_RATE_LIMIT: '1000/1s',
    POLYGON_RATE_LIMIT: '1000/1s',
    FRED_RATE_LIMIT: '1000/1s',
    NEWSAPI_RATE_LIMIT: '1000/1s',
    PROVIDER_TIMEOUT_MS: '2000',
    PROVIDER_MAX_ATTEMPTS: '3',
    PROVIDER_BACKOFF_BASE_MS: '5',
    PROVIDER_BACKOFF_MAX_MS: '20',
    PROVIDER_RETRY_BUDGET_MS: '5000',
    PROVIDER_BREAKER_THRESHOLD: '3',
    PROVIDER_BREAKER_HALF_OPEN_MS: '200',
  };
}
