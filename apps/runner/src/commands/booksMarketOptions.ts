import { offlineFxPairs, type TruthSpineConfig } from '@truth-spine/orchestrator';

/**
 * What books edits are checked against from this runner's settings: with the offline
 * market data (MARKET_DATA unset or `offline`) the FX pairs of `OFFLINE_DATA_DIR/fx`,
 * so a currency the night could not value is refused at import; with live providers
 * (which quote any pair) only the ISO 4217 check applies.
 */
export async function booksMarketOptions(
  env: Readonly<Record<string, string | undefined>>,
  config: TruthSpineConfig,
): Promise<{ fxPairs: ReadonlySet<string> | null }> {
  const live = (env['MARKET_DATA'] ?? '').trim() === 'live';
  return { fxPairs: live ? null : await offlineFxPairs(config.offlineDataDir) };
}
