import { describe, expect, it } from 'vitest';
import { ProviderConfigError } from '../errors/providerConfigError.js';
import { loadProviderConfig } from './providerConfig.js';

function configError(env: Record<string, string>): ProviderConfigError {
  try {
    loadProviderConfig(env);
  } catch (error) {
    if (error instanceof ProviderConfigError) return error;
    throw error;
  }
  throw new Error('expected a ProviderConfigError');
}

describe('loadProviderConfig', () => {
  it('uses the public base URLs and published quotas when nothing is set', () => {
    const config = loadProviderConfig({});
    expect(config.providers.fmp.baseUrl).toBe('https://financialmodelingprep.com');
    expect(config.providers.polygon.baseUrl).toBe('https://api.polygon.io');
    expect(config.providers.fred.baseUrl).toBe('https://api.stlouisfed.org');
    expect(config.providers.newsapi.baseUrl).toBe('https://newsapi.org');
    expect(config.providers.polygon.rateLimit).toEqual({ requests: 5, intervalMs: 60_000 });
    expect(config.providers.fred.rateLimit).toEqual({ requests: 120, intervalMs: 60_000 });
    expect(config.providers.fmp.apiKey).toBeNull();
  });

  it('reads keys, overrides and a trailing slash on a base URL', () => {
    const config = loadProviderConfig({
      POLYGON_BASE_URL: 'https://api.massive.com/',
      POLYGON_API_KEY: 'pk_1',
      FRED_BASE_URL: 'http://127.0.0.1:4321',
      FRED_RATE_LIMIT: '10/1s',
      PROVIDER_TIMEOUT_MS: '250',
      FMP_API_KEY: '   ',
    });
    expect(config.providers.polygon).toMatchObject({
      baseUrl: 'https://api.massive.com',
      apiKey: 'pk_1',
    });
    expect(config.providers.fred.baseUrl).toBe('http://127.0.0.1:4321');
    expect(config.providers.fred.rateLimit).toEqual({ requests: 10, intervalMs: 1_000 });
    expect(config.resilience.timeoutMs).toBe(250);
    expect(config.providers.fmp.apiKey).toBeNull();
  });

  it('rejects a base URL with a path, query or other scheme, naming the setting', () => {
    for (const bad of [
      'https://financialmodelingprep.com/stable',
      'https://api.polygon.io?x=1',
      'ftp://api.polygon.io',
      'api.polygon.io',
    ]) {
      const error = configError({ FMP_BASE_URL: bad });
      expect(error.setting).toBe('FMP_BASE_URL');
      expect(error.message).toContain('FMP_BASE_URL: must be a URL with scheme and host only');
      expect(error.message).toContain(JSON.stringify(bad));
    }
  });

  it('names a bad number or quota setting', () => {
    expect(configError({ PROVIDER_MAX_ATTEMPTS: '0' }).setting).toBe('PROVIDER_MAX_ATTEMPTS');
    expect(configError({ PROVIDER_TIMEOUT_MS: 'soon' }).setting).toBe('PROVIDER_TIMEOUT_MS');
    expect(configError({ POLYGON_RATE_LIMIT: '5 per minute' }).message).toContain(
      'POLYGON_RATE_LIMIT: must be a quota like 5/1m',
    );
    expect(
      configError({ PROVIDER_BACKOFF_BASE_MS: '100', PROVIDER_BACKOFF_MAX_MS: '10' }).setting,
    ).toBe('PROVIDER_BACKOFF_MAX_MS');
  });

  it('never quotes a key in its message', () => {
    const error = configError({ NEWSAPI_API_KEY: 'abc secret-value' });
    expect(error.setting).toBe('NEWSAPI_API_KEY');
    expect(error.message).not.toContain('secret-value');
  });
});
