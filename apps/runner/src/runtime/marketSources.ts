import type { SettingValues } from '@truth-spine/orchestrator';
import {
  createHttpProviders,
  loadProviderConfig,
  OfflineReplaySource,
  type HttpProviders,
  type MarketDataSource,
} from '@truth-spine/providers';
import { UsageError } from '../cli/usageError.js';

/** The primary market data source and the fallback asked for closes it lacks. */
export interface MarketSources {
  /** `offline` (replay of OFFLINE_DATA_DIR) or `live` (the HTTP providers). */
  readonly mode: 'offline' | 'live';
  readonly market: MarketDataSource;
  readonly fallback: MarketDataSource | null;
  /** The offline data set when `mode` is offline (its manifest fixes the default date). */
  readonly replay: OfflineReplaySource | null;
}

/** The keys `MARKET_DATA=live` needs, one per capability the pipeline uses. */
const liveKeys = ['POLYGON_API_KEY', 'FMP_API_KEY', 'FRED_API_KEY'] as const;

/** What {@link marketSources} builds from (a `RunnerConfig` has all three). */
export interface MarketSettings {
  /** MARKET_DATA, checked by the setting catalog (`offline` or `live`, default `offline`). */
  readonly checked: { readonly MARKET_DATA: 'offline' | 'live' };
  /** The merged setting values the HTTP providers are configured from (`loadProviderConfig`). */
  readonly settings: SettingValues;
  /** OFFLINE_DATA_DIR. */
  readonly offlineDataDir: string;
}

/**
 * Chooses the market data from `MARKET_DATA`:
 * - `offline`: {@link OfflineReplaySource} over `offlineDataDir`, no fallback;
 * - `live`: Polygon for bars, grouped daily, dividends, splits and FX; FRED for macro
 *   series; FMP for fundamentals; NewsAPI for news — with FMP as the fallback for bars,
 *   FX, dividends and splits. Needs POLYGON_API_KEY, FMP_API_KEY and FRED_API_KEY: a
 *   missing key is a {@link UsageError} naming it (never any key's value).
 */
export function marketSources({
  checked,
  settings,
  offlineDataDir,
}: MarketSettings): MarketSources {
  const mode = checked.MARKET_DATA;
  if (mode === 'offline') {
    const replay = new OfflineReplaySource(offlineDataDir);
    return { mode, market: replay, fallback: null, replay };
  }
  const missing = liveKeys.filter((key) => (settings[key] ?? '').trim() === '');
  if (missing.length > 0) {
    throw new UsageError(`MARKET_DATA=live needs ${missing.join(', ')} (unset)`);
  }
  const providers = createHttpProviders(loadProviderConfig(settings));
  return {
    mode,
    market: livePrimary(providers),
    fallback: liveFallback(providers),
    replay: null,
  };
}

function livePrimary({ polygon, fred, fmp, newsapi }: HttpProviders): MarketDataSource {
  return {
    dailyBars: (request, signal) => polygon.dailyBars(request, signal),
    groupedDaily: (date, signal) => polygon.groupedDaily(date, signal),
    dividends: (request, signal) => polygon.dividends(request, signal),
    splits: (request, signal) => polygon.splits(request, signal),
    fxRates: (request, signal) => polygon.fxRates(request, signal),
    macroSeries: (request, signal) => fred.macroSeries(request, signal),
    fundamentals: (symbols, signal) => fmp.fundamentals(symbols, signal),
    news: (request, signal) => newsapi.news(request, signal),
  };
}

function liveFallback(providers: HttpProviders): MarketDataSource {
  const { fmp } = providers;
  return {
    ...livePrimary(providers),
    dailyBars: (request, signal) => fmp.dailyBars(request, signal),
    dividends: (request, signal) => fmp.dividends(request, signal),
    splits: (request, signal) => fmp.splits(request, signal),
    fxRates: (request, signal) => fmp.fxRates(request, signal),
  };
}
