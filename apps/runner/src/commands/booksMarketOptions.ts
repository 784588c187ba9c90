import { type CheckedSettings, type TruthSpineConfig } from '@truth-spine/orchestrator';
import { offlineFxPairs } from '@truth-spine/books';

/**
 * What books edits are checked against from this runner's settings: with the offline
 * market data (MARKET_DATA unset or `offline`, checked by the setting catalog) the FX pairs of `OFFLINE_DATA_DIR/fx`,
 * so a currency the night could not value is refused at import; with live providers
 * (which quote any pair) only the ISO 4217 check applies.
 */
export async function booksMarketOptions(
  marketData: CheckedSettings['MARKET_DATA'],
  config: TruthSpineConfig,
): Promise<{ fxPairs: ReadonlySet<string> | null }> {
  const live = marketData === 'live';
  return { fxPairs: live ? null : await offlineFxPairs(config.offlineDataDir) };
}
