import { describe, expect, it } from 'vitest';
import { ProviderHttpError } from '../errors/providerHttpError.js';
import type { DailyBar, PriceSeries } from '../model/marketData.js';
import type { ProviderId } from '../model/providerId.js';
import type { DailyBarSource, SymbolsRange } from '../model/sources.js';
import { pricesWithFallback } from './pricesWithFallback.js';

const bar = (date: string, close: string): DailyBar => ({
  date,
  open: null,
  high: null,
  low: null,
  close,
  volume: null,
});

/** A source answering from a table; a symbol mapped to an Error throws it. */
function tableSource(provider: ProviderId, table: Record<string, DailyBar[] | Error>) {
  const calls: string[] = [];
  const source: DailyBarSource = {
    async dailyBars(request: SymbolsRange): Promise<PriceSeries[]> {
      return request.symbols.map((symbol) => {
        calls.push(symbol);
        const entry = table[symbol] ?? [];
        if (entry instanceof Error) throw entry;
        return { symbol, provider, bars: entry };
      });
    },
  };
  return { source, calls };
}

const range = { from: '2025-01-02', to: '2025-01-06' };

describe('pricesWithFallback', () => {
  it('keeps primary values and asks the fallback only where the primary failed or is empty', async () => {
    const primary = tableSource('polygon', {
      AAPL: [bar('2025-01-02', '243.85'), bar('2025-01-03', '243.36')],
      MSFT: new ProviderHttpError('polygon', '/v2/aggs', 503, 'server_error', 'down'),
      KO: [],
    });
    const fallback = tableSource('fmp', {
      AAPL: [bar('2025-01-02', '999')],
      MSFT: [bar('2025-01-02', '418.58')],
      KO: new ProviderHttpError('fmp', '/stable/x', 402, 'payment_required', 'premium'),
    });
    const [aapl, msft, ko] = await pricesWithFallback(primary.source, fallback.source, {
      ...range,
      symbols: ['AAPL', 'MSFT', 'KO'],
    });
    expect(aapl).toEqual({
      symbol: 'AAPL',
      failures: [],
      bars: [
        { ...bar('2025-01-02', '243.85'), provider: 'polygon', fallback_used: false },
        { ...bar('2025-01-03', '243.36'), provider: 'polygon', fallback_used: false },
      ],
    });
    expect(msft?.bars).toEqual([
      { ...bar('2025-01-02', '418.58'), provider: 'fmp', fallback_used: true },
    ]);
    expect(msft?.failures).toEqual([
      {
        role: 'primary',
        code: 'provider_server_error',
        message: 'polygon /v2/aggs: HTTP 503 server error — down',
      },
    ]);
    expect(ko?.bars).toEqual([]);
    expect(ko?.failures.map((f) => [f.role, f.code])).toEqual([
      ['fallback', 'provider_payment_required'],
    ]);
    expect(fallback.calls.sort()).toEqual(['KO', 'MSFT']);
  });

  it('fills only the expected dates the primary lacks', async () => {
    const primary = tableSource('polygon', {
      AAPL: [bar('2025-01-02', '243.85'), bar('2025-01-06', '245')],
    });
    const fallback = tableSource('fmp', {
      AAPL: [bar('2025-01-02', '1'), bar('2025-01-03', '243.36'), bar('2025-01-06', '2')],
    });
    const [aapl] = await pricesWithFallback(
      primary.source,
      fallback.source,
      { ...range, symbols: ['AAPL'] },
      { expectedDates: ['2025-01-02', '2025-01-03', '2025-01-06'] },
    );
    expect(aapl?.bars.map((b) => [b.date, b.close, b.provider, b.fallback_used])).toEqual([
      ['2025-01-02', '243.85', 'polygon', false],
      ['2025-01-03', '243.36', 'fmp', true],
      ['2025-01-06', '245', 'polygon', false],
    ]);
  });
});
