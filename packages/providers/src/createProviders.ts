import type { ProviderConfig } from './config/providerConfig.js';
import { FmpClient } from './fmp/fmpClient.js';
import { FredClient } from './fred/fredClient.js';
import type { ClientOverrides } from './http/providerHttpClient.js';
import { NewsApiClient } from './newsapi/newsApiClient.js';
import { PolygonClient } from './polygon/polygonClient.js';

/** One client per HTTP provider, each with its own rate limit and circuit breaker. */
export interface HttpProviders {
  readonly fmp: FmpClient;
  readonly polygon: PolygonClient;
  readonly fred: FredClient;
  readonly newsapi: NewsApiClient;
}

/**
 * Builds the four HTTP clients from a validated {@link ProviderConfig} (see
 * `loadProviderConfig`). Create once per process so limits and breakers are shared.
 */
export function createHttpProviders(
  config: ProviderConfig,
  overrides: ClientOverrides = {},
): HttpProviders {
  return {
    fmp: new FmpClient(config, overrides),
    polygon: new PolygonClient(config, overrides),
    fred: new FredClient(config, overrides),
    newsapi: new NewsApiClient(config, overrides),
  };
}
