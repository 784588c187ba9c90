import { Decimal, type ClosedLot } from '@truth-spine/ledger';
import { describe, expect, it } from 'vitest';
import { tradingLotRows } from './tradingLotRows.js';

const lot = (date: string, costBasis: string, proceeds: string): ClosedLot =>
  ({
    date,
    costBasis: Decimal.parse(costBasis),
    proceeds: Decimal.parse(proceeds),
    gain: Decimal.parse(proceeds).sub(Decimal.parse(costBasis)),
  }) as unknown as ClosedLot;

describe('tradingLotRows', () => {
  const lots = [
    lot('2022-06-01', '1000', '1500'), // +50 %, before the 1Y window
    lot('2023-06-01', '1000', '1100'), // +10 %
    lot('2023-09-01', '2000', '1900'), // −5 %
    lot('2024-01-02', '500', '530'), //  +6 %
  ];
  const rows = new Map(tradingLotRows(lots, '2024-03-08', '2019-01-02').map((r) => [r.metric, r]));

  it('computes per-lot win statistics by hand for 1Y and inception', () => {
    expect(rows.get('trading_lots.1Y.n_lots')?.value).toBe(3);
    expect(rows.get('trading_lots.1Y.win_rate')?.value).toBeCloseTo(2 / 3, 15);
    expect(rows.get('trading_lots.1Y.avg_win')?.value).toBeCloseTo((0.1 + 0.06) / 2, 15);
    expect(rows.get('trading_lots.1Y.avg_loss')?.value).toBeCloseTo(-0.05, 15);
    expect(rows.get('trading_lots.1Y.payoff_ratio')?.value).toBeCloseTo(0.08 / 0.05, 12);
    expect(rows.get('trading_lots.inception.n_lots')?.value).toBe(4);
    expect(rows.get('trading_lots.inception.win_rate')?.value).toBe(0.75);
  });

  it('is null with a reason when no lot closed in the period, or there is no loss', () => {
    const none = tradingLotRows([lot('2020-01-02', '1', '2')], '2024-03-08', '2019-01-02');
    expect(none.find((r) => r.metric === 'trading_lots.1Y')).toMatchObject({
      value: null,
      reason: 'no lot closed in the period',
    });
    expect(none.find((r) => r.metric === 'trading_lots.inception.avg_loss')).toMatchObject({
      value: null,
      reason: 'no losing lot',
    });
  });
});
