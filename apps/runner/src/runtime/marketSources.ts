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

/**
 * Chooses the market data from `MARKET_DATA` (default `offline`):
 * - `offline`: {@link OfflineReplaySource} over `offlineDataDir`, no fallback;
 * - `live`: Polygon for bars, grouped daily, dividends, splits and FX; FRED for macro
 *   series; FMP for fundamentals; NewsAPI for news — with FMP as the fallback for bars,
 *   FX, dividends and splits. Needs POLYGON_API_KEY, FMP_API_KEY and FRED_API_KEY.
 * Anything else, or a missing key, is a {@link UsageError} naming the setting.
 */
export function marketSources(
  env: Readonly<Record<string, string | undefined>>,
  offlineDataDir: string,
): MarketSources {
  const mode = (env['MARKET_DATA'] ?? 'offline').trim() || 'offline';
  if (mode === 'offline') {
    const replay = new OfflineReplaySource(offlineDataDir);
    return { mode, market: replay, fallback: null, replay };
  }
  if (mode !== 'live') {
    throw new UsageError(`MARKET_DATA must be offline or live (was ${JSON.stringify(mode)})`);
  }
  const missing = liveKeys.filter((key) => (env[key] ?? '').trim() === '');
  if (missing.length > 0) {
    throw new UsageError(`MARKET_DATA=live needs ${missing.join(', ')} (unset)`);
  }
  const providers = createHttpProviders(loadProviderConfig(env));
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
