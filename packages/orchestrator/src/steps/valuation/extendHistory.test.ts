import { isoToEpochDay } from '@truth-spine/finance-core';
import { describe, expect, it } from 'vitest';
import { extendHistory } from './extendHistory.js';
import { portfolioHistory, type ValuationMarket } from './portfolioHistory.js';
import type { BookMovement } from './runningHoldings.js';

const days = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'];
const calendar = Int32Array.from(days, isoToEpochDay);
const move = (
  tradeDate: string,
  type: string,
  amount: string,
  symbol: string | null = null,
  quantity: string | null = null,
  currency = 'USD',
): BookMovement => ({ tradeDate, type, symbol, quantity, amount, currency });
// flows and trades on the last day and on the weekend before it (folded into 01-08)
const movements: BookMovement[] = [
  move('2024-01-02', 'deposit', '1000.10'),
  move('2024-01-02', 'buy', '-333.3', 'ABC', '3'),
  move('2024-01-03', 'dividend', '0.7', 'ABC', '3', 'EUR'),
  move('2024-01-06', 'deposit', '50', null, null, 'EUR'),
  move('2024-01-08', 'sell', '120.5', 'ABC', '1'),
  move('2024-01-08', 'withdrawal', '-10.01'),
];
const market: ValuationMarket = {
  calendar,
  closes: new Map([['ABC', Float64Array.of(111.1, 112.37, 109.9, 113.03, 120.51)]]),
  toBase: new Map([
    ['USD', new Float64Array(5).fill(1)],
    ['EUR', Float64Array.of(1.0931, 1.0921, 1.0944, 1.0942, 1.0951)],
  ]),
  securityCurrency: new Map([['ABC', 'USD']]),
};
const bytes = (a: Float64Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('extendHistory', () => {
  it('extends the previous day’s history bit for bit as the full computation', () => {
    const full = portfolioHistory(movements, market, 0);
    const previousMarket = { ...market, calendar: calendar.subarray(0, 4) };
    const previous = portfolioHistory(
      movements.filter((m) => m.tradeDate <= '2024-01-05'),
      previousMarket,
      0,
    );
    const extended = extendHistory(
      {
        portfolioId: 'P',
        epochDays: previous.epochDays,
        values: previous.values,
        externalFlows: previous.externalFlows,
        returns: previous.returns,
      },
      movements,
      market,
      0,
    )!;
    expect(bytes(extended.values).equals(bytes(full.values))).toBe(true);
    expect(bytes(extended.externalFlows).equals(bytes(full.externalFlows))).toBe(true);
    expect(bytes(extended.returns).equals(bytes(full.returns))).toBe(true);
    expect(bytes(extended.epochDays).equals(bytes(full.epochDays))).toBe(true);
    expect(extended.holdings.units.get('ABC')?.toString()).toBe('2');
    expect(full.externalFlows[4]).toBe(50 * 1.0951 - 10.01);
  });

  it('refuses a previous series that does not end on the previous calendar row', () => {
    const previous = portfolioHistory(
      movements,
      { ...market, calendar: calendar.subarray(0, 3) },
      0,
    );
    expect(extendHistory({ portfolioId: 'P', ...previous }, movements, market, 0)).toBeNull();
  });
});
