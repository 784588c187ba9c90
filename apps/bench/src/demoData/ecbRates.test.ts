import { describe, expect, it } from 'vitest';
import { crossRates, readEcbRates } from './ecbRates.js';

const ecb =
  'Date,USD,JPY,GBP,\n2019-01-09,1.1455,124.7,0.89913,\n2019-01-08,1.144,124.46,N/A,\n2019-01-07,1.1445,123.9,0.8972,\n';

describe('readEcbRates', () => {
  it('returns ascending EUR<CCY> series with the ECB strings, skipping N/A and dates outside the window', () => {
    const [usd, gbp] = readEcbRates(ecb, 'e.csv', ['USD', 'GBP'], '2019-01-08', '2019-01-31');
    expect(usd?.pair).toBe('EURUSD');
    expect(usd?.dates).toEqual(['2019-01-08', '2019-01-09']);
    expect(usd?.rates.get('2019-01-08')).toBe('1.144');
    expect(gbp?.dates).toEqual(['2019-01-09']);
  });
  it('names file and line of a bad rate', () => {
    expect(() =>
      readEcbRates(
        'Date,USD\n2019-01-09,1,2\n2019-01-08,x\n',
        'e.csv',
        ['USD'],
        '2019-01-01',
        '2019-12-31',
      ),
    ).toThrow('e.csv:3: expected a decimal USD rate, found "x"');
  });
});

describe('crossRates', () => {
  it('divides the EUR rates on common days and rounds half-even to 10 decimals', () => {
    const [usd, gbp, jpy] = readEcbRates(
      ecb,
      'e.csv',
      ['USD', 'GBP', 'JPY'],
      '2019-01-01',
      '2019-01-31',
    ) as [never, never, never];
    const gbpusd = crossRates(gbp, usd, 'GBP', 'USD');
    expect(gbpusd.pair).toBe('GBPUSD');
    // 1.1455 / 0.89913 = 1.27400932012…; 1.1445 / 0.8972 = 1.27563530985…
    expect([...gbpusd.rates]).toEqual([
      ['2019-01-07', '1.2756353099'],
      ['2019-01-09', '1.2740093201'],
    ]);
    // 1.1455 / 124.7 = 0.0091860465116…
    expect(crossRates(jpy, usd, 'JPY', 'USD').rates.get('2019-01-09')).toBe('0.0091860465');
  });
});
