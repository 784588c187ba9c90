import { describe, expect, it } from 'vitest';
import { fxSeriesPerPair, rateOfBar } from './fxSeriesPerPair.js';

describe('fxSeriesPerPair', () => {
  it('keeps request order, normalises the pair text and asks the provider once per pair', async () => {
    const asked: string[] = [];
    const series = await fxSeriesPerPair([' gbpusd', 'EURUSD'], 'fmp', async (pair) => {
      asked.push(pair.pair);
      return [{ date: '2024-03-08', rate: pair.pair === 'GBPUSD' ? '1.2857' : '1.0938' }];
    });
    expect(asked.sort()).toEqual(['EURUSD', 'GBPUSD']);
    expect(series).toEqual([
      {
        pair: 'GBPUSD',
        base: 'GBP',
        quote: 'USD',
        provider: 'fmp',
        rates: [{ date: '2024-03-08', rate: '1.2857' }],
      },
      {
        pair: 'EURUSD',
        base: 'EUR',
        quote: 'USD',
        provider: 'fmp',
        rates: [{ date: '2024-03-08', rate: '1.0938' }],
      },
    ]);
  });

  it('rejects a malformed pair by name before any request is made', async () => {
    let requests = 0;
    await expect(
      fxSeriesPerPair(['EURUSD', 'EUR/USD'], 'polygon', async () => {
        requests += 1;
        return [];
      }),
    ).rejects.toThrow('FX pair "EUR/USD" must be six letters like EURUSD');
    expect(requests).toBe(0);
  });

  it('reads a bar as its close', () => {
    expect(rateOfBar({ date: '2024-03-08', close: '1.0938' })).toEqual({
      date: '2024-03-08',
      rate: '1.0938',
    });
  });
});
