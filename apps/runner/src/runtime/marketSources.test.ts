import { OfflineReplaySource } from '@truth-spine/providers';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { marketSources } from './marketSources.js';

describe('marketSources', () => {
  it('replays the offline data set by default, with no fallback', () => {
    const sources = marketSources({}, '/data/market');
    expect(sources.mode).toBe('offline');
    expect(sources.market).toBeInstanceOf(OfflineReplaySource);
    expect((sources.market as OfflineReplaySource).root).toBe('/data/market');
    expect(sources.fallback).toBeNull();
    expect(sources.replay).toBe(sources.market);
  });

  it('builds the HTTP providers with MARKET_DATA=live and every key', () => {
    const sources = marketSources(
      { MARKET_DATA: 'live', POLYGON_API_KEY: 'p', FMP_API_KEY: 'f', FRED_API_KEY: 'r' },
      '/unused',
    );
    expect(sources.mode).toBe('live');
    expect(sources.replay).toBeNull();
    expect(sources.fallback).not.toBeNull();
    expect(sources.market).not.toBeInstanceOf(OfflineReplaySource);
  });

  it('names the missing keys without echoing any value, and rejects an unknown mode', () => {
    const secret = 'sk-live-123';
    const attempt = () =>
      marketSources({ MARKET_DATA: 'live', POLYGON_API_KEY: secret }, '/unused');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow('MARKET_DATA=live needs FMP_API_KEY, FRED_API_KEY (unset)');
    expect(() => marketSources({ MARKET_DATA: 'replay' }, '/unused')).toThrow(
      /MARKET_DATA must be offline or live/,
    );
  });
});
