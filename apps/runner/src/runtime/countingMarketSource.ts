import type { MarketDataSource } from '@truth-spine/providers';

/** One finished call to a market data source. */
export interface ProviderCall {
  /** Which source: `primary` or `fallback`. */
  readonly source: string;
  /** The MarketDataSource method, e.g. `dailyBars`. */
  readonly method: keyof MarketDataSource;
  /** The error's stable `code` (or its class name) when the call failed; null when it succeeded. */
  readonly errorCode: string | null;
  readonly seconds: number;
}

const methods = [
  'dailyBars',
  'groupedDaily',
  'dividends',
  'splits',
  'fxRates',
  'macroSeries',
  'fundamentals',
  'news',
] as const satisfies readonly (keyof MarketDataSource)[];

/**
 * Wraps `inner` so every call is reported to `observe` when it settles (for the
 * `/metrics` provider call and error counters); results and errors pass through unchanged.
 */
export function countingMarketSource(
  inner: MarketDataSource,
  source: string,
  observe: (call: ProviderCall) => void,
): MarketDataSource {
  const wrapped: Partial<Record<keyof MarketDataSource, unknown>> = {};
  for (const method of methods) {
    const call = inner[method].bind(inner) as (...args: unknown[]) => Promise<unknown>;
    wrapped[method] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        const result = await call(...args);
        observe({ source, method, errorCode: null, seconds: elapsed(started) });
        return result;
      } catch (error) {
        observe({ source, method, errorCode: errorCode(error), seconds: elapsed(started) });
        throw error;
      }
    };
  }
  return wrapped as MarketDataSource;
}

function elapsed(started: number): number {
  return (performance.now() - started) / 1000;
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (error instanceof Error) return error.name;
  }
  return 'unknown';
}
