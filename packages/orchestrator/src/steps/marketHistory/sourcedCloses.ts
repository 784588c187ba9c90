import {
  pricesWithFallback,
  type DailyBarSource,
  type SourcedPriceSeries,
  type SymbolsRange,
} from '@truth-spine/providers';

/**
 * Daily bars of `range` with provenance: through {@link pricesWithFallback} when a
 * fallback exists (asked for symbols the primary lacks, or lacking `expectedDates`),
 * else the primary's bars marked with its provider and `fallback_used: false`.
 */
export async function sourcedCloses(
  primary: DailyBarSource,
  fallback: DailyBarSource | null,
  range: SymbolsRange,
  options: { readonly expectedDates?: readonly string[]; readonly signal?: AbortSignal } = {},
): Promise<SourcedPriceSeries[]> {
  if (fallback !== null) return pricesWithFallback(primary, fallback, range, options);
  const series = await primary.dailyBars(range, options.signal);
  return series.map((s) => ({
    symbol: s.symbol,
    bars: s.bars.map((b) => ({ ...b, provider: s.provider, fallback_used: false })),
    failures: [],
  }));
}
