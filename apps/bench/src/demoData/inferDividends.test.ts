import { describe, expect, it } from 'vitest';
import { inferDividends } from './inferDividends.js';
import type { SourceBar } from './types.js';

const bar = (date: string, close: string, adjClose: string): SourceBar => ({
  date,
  open: '',
  high: '',
  low: '',
  close,
  adjClose,
  volume: '',
});

describe('inferDividends', () => {
  it('reads D = C_prev × (1 − r_prev / r_ex) and snaps to the cent', () => {
    // r_prev = 39.6 / 40 = 0.99, r_ex = 1 → D = 40 × 0.01 = 0.40
    expect(
      inferDividends([bar('2020-01-02', '40', '39.6'), bar('2020-01-03', '40.4', '40.4')], 'k.csv'),
    ).toEqual([{ exDate: '2020-01-03', amount: '0.40' }]);
  });
  it('rounds to 4 decimals when the amount is not within 0.0002 of a cent', () => {
    // r_prev = 99.7172 / 100 → D = 100 × (1 − 0.997172) = 0.2828
    expect(
      inferDividends([bar('2020-01-02', '100', '99.7172'), bar('2020-01-03', '99', '99')], 'k.csv'),
    ).toEqual([{ exDate: '2020-01-03', amount: '0.2828' }]);
  });
  it('ignores ratio noise below 1e-5 (float rounding of the source)', () => {
    expect(
      inferDividends(
        [
          bar('2020-01-02', '250.17999267578125', '224.3825225830078'),
          bar('2020-01-03', '244.2100067138672', '219.0281524658203'),
        ],
        'k.csv',
      ),
    ).toEqual([]);
  });
  it('refuses a falling ratio, which no dividend explains', () => {
    expect(() =>
      inferDividends([bar('2020-01-02', '40', '40'), bar('2020-01-03', '40', '39')], 'k.csv'),
    ).toThrow('k.csv: Adj Close / Close falls on 2020-01-03');
  });
});
