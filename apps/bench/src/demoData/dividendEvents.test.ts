import { describe, expect, it } from 'vitest';
import { dividendEvents } from './dividendEvents.js';
import { TradingCalendar } from './tradingCalendar.js';
import type { SecurityInfo } from './types.js';

const sap: SecurityInfo = {
  symbol: 'SAP',
  name: 'SAP SE (ADR)',
  currency: 'USD',
  kind: 'adr',
  country: 'DE',
  adr: { ratio: '1', underlying: 'SAP.DE', currency: 'EUR' },
  prices: { path: 'SAP.csv', origin: 'test', licence: 'test' },
  payLagDays: 12,
};
// NYSE days around SAP's 2019 ex-date (Memorial Day 2019-05-27 closed).
const calendar = new TradingCalendar([
  '2019-05-16',
  '2019-05-17',
  '2019-05-20',
  '2019-05-24',
  '2019-05-28',
  '2019-05-29',
]);

describe('dividendEvents', () => {
  it('dates the record day T+1 and the pay day on the first trading day ≥ ex + lag, with the declared currency', () => {
    const declared = [
      { symbol: 'SAP', exDate: '2019-05-16', amount: '1.50', currency: 'EUR', evidence: 'AGM' },
    ];
    expect(
      dividendEvents(sap, [{ exDate: '2019-05-16', amount: '1.70' }], declared, calendar),
    ).toEqual([
      {
        symbol: 'SAP',
        exDate: '2019-05-16',
        recordDate: '2019-05-17',
        payDate: '2019-05-28',
        amount: '1.50',
        currency: 'EUR',
      },
    ]);
  });
  it('keeps the inferred USD amount without a declaration', () => {
    expect(
      dividendEvents(sap, [{ exDate: '2019-05-16', amount: '1.70' }], [], calendar)[0],
    ).toMatchObject({ amount: '1.70', currency: 'USD' });
  });
  it('refuses a declared dividend on a day the prices show none', () => {
    const declared = [
      { symbol: 'SAP', exDate: '2019-05-17', amount: '1.50', currency: 'EUR', evidence: 'AGM' },
    ];
    expect(() =>
      dividendEvents(sap, [{ exDate: '2019-05-16', amount: '1.70' }], declared, calendar),
    ).toThrow(
      'declared dividend SAP ex 2019-05-17: the price source shows no dividend on that date',
    );
  });
});
