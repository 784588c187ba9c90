import { describe, expect, it } from 'vitest';
import * as providers from './index.js';
import * as testing from './testing/index.js';

describe('public API', () => {
  it('exports what the runner and orchestrator call', () => {
    for (const name of [
      'loadProviderConfig',
      'createHttpProviders',
      'OfflineReplaySource',
      'OfflineRecorder',
      'pricesWithFallback',
      'ProviderError',
      'ProviderConfigError',
      'OfflineDataError',
    ] as const) {
      expect(typeof providers[name]).toBe('function');
    }
    expect(typeof testing.startFakeProviderServer).toBe('function');
  });
});
