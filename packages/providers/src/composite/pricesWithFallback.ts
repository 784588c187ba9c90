import type { DailyBar, PriceSeries } from '../model/marketData.js';
import type { ProviderId } from '../model/providerId.js';
import type { DailyBarSource, SymbolsRange } from '../model/sources.js';

/** A bar with where it came from. */
export interface SourcedBar extends DailyBar {
  readonly provider: ProviderId;
  /** True when the primary source had no value for this date and the fallback gave it. */
  readonly fallback_used: boolean;
}

/** Why a source gave nothing for a symbol. */
export interface SourceFailure {
  readonly role: 'primary' | 'fallback';
  readonly code: string;
  readonly message: string;
}

/** One symbol's merged bars (ascending) and the failures met on the way. */
export interface SourcedPriceSeries {
  readonly symbol: string;
  readonly bars: readonly SourcedBar[];
  readonly failures: readonly SourceFailure[];
}

/** Options: with `expectedDates` (trading days), a symbol missing any of them asks the fallback. */
export interface FallbackOptions {
  readonly expectedDates?: readonly string[];
  readonly signal?: AbortSignal;
}

async function oneSymbol(
  source: DailyBarSource,
  request: SymbolsRange,
  symbol: string,
  role: SourceFailure['role'],
  signal?: AbortSignal,
): Promise<PriceSeries | SourceFailure> {
  try {
    const [series] = await source.dailyBars({ ...request, symbols: [symbol] }, signal);
    return series ?? { role, code: 'no_series', message: `no series returned for ${symbol}` };
  } catch (error) {
    if (signal?.aborted) throw error;
    const code = (error as { code?: unknown }).code;
    return {
      role,
      code: typeof code === 'string' ? code : 'error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

function isFailure(x: PriceSeries | SourceFailure): x is SourceFailure {
  return 'role' in x;
}

/**
 * Daily bars per symbol from `primary`, completed from `fallback`: the fallback is asked
 * for a symbol when the primary failed, returned no bars, or (given `expectedDates`)
 * lacks one of those dates. Per date the primary's bar wins; a bar only the fallback has
 * is marked `fallback_used`. Every bar records its provider. Provider-neutral: any two
 * {@link DailyBarSource}s. Failures are returned, not thrown (except cancellation), so
 * the caller decides how many missing values fail a step.
 */
export async function pricesWithFallback(
  primary: DailyBarSource,
  fallback: DailyBarSource,
  request: SymbolsRange,
  options: FallbackOptions = {},
): Promise<SourcedPriceSeries[]> {
  const { expectedDates, signal } = options;
  return Promise.all(
    request.symbols.map(async (symbol) => {
      const failures: SourceFailure[] = [];
      const first = await oneSymbol(primary, request, symbol, 'primary', signal);
      const primaryBars = isFailure(first) ? [] : first.bars;
      if (isFailure(first)) failures.push(first);
      const have = new Set(primaryBars.map((b) => b.date));
      const incomplete =
        primaryBars.length === 0 || (expectedDates ?? []).some((date) => !have.has(date));
      const bars: SourcedBar[] = isFailure(first)
        ? []
        : first.bars.map((bar) => ({ ...bar, provider: first.provider, fallback_used: false }));
      if (incomplete) {
        const second = await oneSymbol(fallback, request, symbol, 'fallback', signal);
        if (isFailure(second)) {
          failures.push(second);
        } else {
          for (const bar of second.bars) {
            if (!have.has(bar.date))
              bars.push({ ...bar, provider: second.provider, fallback_used: true });
          }
        }
      }
      bars.sort((a, b) => a.date.localeCompare(b.date));
      return { symbol, bars, failures };
    }),
  );
}
