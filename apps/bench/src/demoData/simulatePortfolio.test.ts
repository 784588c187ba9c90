import { describe, expect, it } from 'vitest';
import { DemoMarket } from './demoMarket.js';
import { simulatePortfolio } from './simulatePortfolio.js';
import { TradingCalendar } from './tradingCalendar.js';
import type { DividendEvent, PlanAction, PortfolioPlan, SecurityInfo } from './types.js';

const days = ['2021-03-29', '2021-03-30', '2021-03-31', '2021-04-01'];
const aaa: SecurityInfo = {
  symbol: 'AAA',
  name: 'Triple A',
  currency: 'USD',
  kind: 'equity',
  country: 'US',
  prices: { path: 'AAA.csv', origin: 'test', licence: 'test' },
  payLagDays: 1,
};
const dividend: DividendEvent = {
  symbol: 'AAA',
  exDate: '2021-03-31',
  recordDate: '2021-04-01',
  payDate: '2021-04-01',
  amount: '0.125',
  currency: 'USD',
};
const market = new DemoMarket(
  new TradingCalendar(days),
  new Map([['AAA', aaa]]),
  new Map([
    [
      'AAA',
      days.map((date, i) => ({
        date,
        open: '',
        high: '',
        low: '',
        close: String(10 + i),
        volume: '',
      })),
    ],
  ]),
  [dividend],
  [],
  new Map(),
  new Map([
    [
      'DGS3MO',
      [
        { date: '2021-03-29', value: '' },
        { date: '2021-03-30', value: '0.02' },
      ],
    ],
  ]),
);
const rules = {
  fees: { commission: '1.00', annualAccountFee: '10.00' },
  cashRateSeries: 'DGS3MO',
  lastDate: '2021-04-01',
};
const plan = (actions: PlanAction[]): PortfolioPlan => ({
  id: 'P-T',
  name: 'T',
  baseCurrency: 'USD',
  benchmark: 'AAA',
  inception: '2021-03-29',
  purpose: 'test',
  actions,
});

describe('simulatePortfolio', () => {
  it('pays dividends on units held before the ex-date, not on units bought that day', () => {
    const entries = simulatePortfolio(
      plan([
        { kind: 'deposit', date: '2021-03-29', amount: '1000', currency: 'USD' },
        { kind: 'buy', date: '2021-03-30', symbol: 'AAA', quantity: 3 },
        { kind: 'buy', date: '2021-03-31', symbol: 'AAA', quantity: 4 },
      ]),
      market,
      rules,
    );
    const rows = entries.flatMap((e) => e.rows);
    // 3 × 0.125 = 0.375 → 0.38 (half up)
    expect(
      rows.filter((r) => r.type === 'dividend').map((r) => [r.quantity, r.amount, r.tradeDate]),
    ).toEqual([['3', '0.38', '2021-04-01']]);
    // quarter end 2021-03-31: cash 1000 − 33 − 1 − 44 − 1 = 921 × 0.02% × 2 days / 365 = 0.00101 → 0.00: no interest row
    expect(rows.some((r) => r.type === 'interest')).toBe(false);
  });

  it('refuses a plan that overdraws cash, sells what it does not hold, or trades on a holiday', () => {
    expect(() =>
      simulatePortfolio(
        plan([{ kind: 'buy', date: '2021-03-29', symbol: 'AAA', quantity: 1 }]),
        market,
        rules,
      ),
    ).toThrow('plan P-T overdraws USD cash on 2021-03-29: -11');
    expect(() =>
      simulatePortfolio(
        plan([{ kind: 'sell', date: '2021-03-29', symbol: 'AAA', quantity: 1 }]),
        market,
        rules,
      ),
    ).toThrow('plan P-T: sells 1 AAA on 2021-03-29 but holds 0');
    expect(() =>
      simulatePortfolio(
        plan([{ kind: 'deposit', date: '2021-04-02', amount: '1', currency: 'USD' }]),
        market,
        rules,
      ),
    ).toThrow('deposit on 2021-04-02 is not a trading day');
  });

  it('names a missing FX pair', () => {
    expect(() =>
      simulatePortfolio(
        plan([{ kind: 'fx', date: '2021-03-29', sell: 'USD', amount: '1', buy: 'CHF' }]),
        market,
        rules,
      ),
    ).toThrow('no USDCHF or CHFUSD rate on or before 2021-03-29');
  });
});
