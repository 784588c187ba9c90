import Big from 'big.js';
import { DemoDataError } from './demoDataError.js';
import type { DemoMarket } from './demoMarket.js';
import { daysBetween } from './isoDate.js';
import {
  type BookRow,
  type BookType,
  type JournalEntry,
  type LedgerMeta,
  type Posting,
  accountsOf,
} from './journal.js';
import { plain, roundCash } from './money.js';
import { exactRatio } from './undoSplitAdjustment.js';
import type { DividendEvent, FeeSchedule, PlanAction, PortfolioPlan } from './types.js';

/** Settings of the simulation that are not part of a portfolio's plan. */
export interface SimulationRules {
  readonly fees: FeeSchedule;
  /** FRED series giving the annual % rate on USD cash (e.g. DGS3MO). */
  readonly cashRateSeries: string;
  readonly lastDate: string;
}

interface Lot {
  readonly quantity: Big;
  readonly cost: string;
  readonly date: string;
}

/**
 * Plays a portfolio's plan over the trading calendar and returns its history as journal
 * entries (book rows + the matching ledger transaction). Per trading day, in this order:
 * splits effective that day; dividend entitlements of ex-dates that day (units held at
 * the previous close); the plan's actions (trades at that day's raw close, cash rounded to
 * the currency's minor unit half-up, plus the commission as a separate fee); dividends
 * whose pay date is that day (a dividend declared in another currency than the security
 * trades in is converted into the trading currency at the pay date's rate); on a quarter's
 * last trading day, interest on USD cash = balance × series% × days since the last credit
 * / 365; on a year's last trading day, the account fee. Sells consume lots first in, first
 * out. Any cash balance below zero at a day's end is an error naming the day.
 */
export function simulatePortfolio(
  plan: PortfolioPlan,
  market: DemoMarket,
  rules: SimulationRules,
): JournalEntry[] {
  return new PortfolioSimulation(plan, market, rules).run();
}

class PortfolioSimulation {
  private readonly entries: JournalEntry[] = [];
  private readonly cash = new Map<string, Big>();
  private readonly lots = new Map<string, Lot[]>();
  private readonly entitlements: { event: DividendEvent; units: Big }[] = [];
  private readonly account;
  private sequence = 0;
  private lastInterestDate: string;

  constructor(
    private readonly plan: PortfolioPlan,
    private readonly market: DemoMarket,
    private readonly rules: SimulationRules,
  ) {
    this.account = accountsOf(plan.id);
    this.lastInterestDate = plan.inception;
    for (const action of plan.actions) {
      if (
        !market.calendar.isTradingDay(action.date) ||
        action.date < plan.inception ||
        action.date > rules.lastDate
      ) {
        throw new DemoDataError(
          'DEMO_PLAN_INVALID',
          `plan ${plan.id}: ${action.kind} on ${action.date} is not a trading day between ${plan.inception} and ${rules.lastDate}`,
        );
      }
    }
  }

  run(): JournalEntry[] {
    const days = this.market.calendar.days.filter(
      (d) => d >= this.plan.inception && d <= this.rules.lastDate,
    );
    const exDates = new Map<string, DividendEvent[]>();
    for (const event of this.market.dividends)
      exDates.set(event.exDate, [...(exDates.get(event.exDate) ?? []), event]);
    for (const day of days) {
      for (const split of this.market.splits) if (split.date === day) this.split(split.symbol, day);
      for (const event of exDates.get(day) ?? []) {
        const units = this.units(event.symbol);
        if (units.gt(0)) this.entitlements.push({ event, units });
      }
      for (const action of this.plan.actions) if (action.date === day) this.act(action);
      for (const e of this.entitlements)
        if (e.event.payDate === day) this.dividend(e.event, e.units);
      if (this.market.calendar.isLastOfPeriod(day, 3)) this.interest(day);
      if (this.market.calendar.isLastOfPeriod(day, 12)) this.accountFee(day);
      for (const [currency, balance] of this.cash) {
        if (balance.lt(0)) {
          throw new DemoDataError(
            'DEMO_PLAN_INVALID',
            `plan ${this.plan.id} overdraws ${currency} cash on ${day}: ${plain(balance)}`,
          );
        }
      }
    }
    return this.entries;
  }

  private act(action: PlanAction): void {
    switch (action.kind) {
      case 'deposit':
      case 'withdrawal':
        return this.flow(action.kind, action.date, action.amount, action.currency);
      case 'buy':
        return this.buy(action.date, action.symbol, new Big(action.quantity));
      case 'sell':
        return this.sell(action.date, action.symbol, new Big(action.quantity));
      case 'fx':
        return this.convert(action.date, action.sell, new Big(action.amount), action.buy, 'FX');
    }
  }

  private flow(
    type: 'deposit' | 'withdrawal',
    date: string,
    amount: string,
    currency: string,
  ): void {
    const signed = type === 'deposit' ? new Big(amount) : new Big(amount).neg();
    const cash = roundCash(signed, currency);
    this.record(
      [
        this.row(type, date, {
          amount: cash,
          currency,
          description: `${type === 'deposit' ? 'Deposit' : 'Withdrawal'} ${currency} ${roundCash(new Big(amount), currency)}`,
        }),
      ],
      [
        this.cashPosting(currency, cash),
        {
          account: this.account.contributions,
          units: negateCash(cash, currency),
          commodity: currency,
        },
      ],
    );
  }

  private buy(date: string, symbol: string, quantity: Big): void {
    const { currency } = this.market.security(symbol);
    const price = this.market.close(symbol, date);
    const cash = roundCash(quantity.times(price).neg(), currency);
    this.lotsOf(symbol).push({ quantity, cost: price, date });
    this.record(
      [
        this.row('buy', date, {
          settleDate: this.market.calendar.after(date, 2),
          symbol,
          quantity: plain(quantity),
          price,
          amount: cash,
          currency,
          description: `Buy ${plain(quantity)} ${symbol} at ${price} ${currency}`,
        }),
      ],
      [
        {
          account: this.account.securities(symbol),
          units: plain(quantity),
          commodity: symbol,
          cost: { number: price, currency },
        },
        this.cashPosting(currency, cash),
      ],
    );
    this.commission(date, symbol, currency);
  }

  private sell(date: string, symbol: string, quantity: Big): void {
    const { currency } = this.market.security(symbol);
    if (this.units(symbol).lt(quantity)) {
      throw new DemoDataError(
        'DEMO_PLAN_INVALID',
        `plan ${this.plan.id}: sells ${plain(quantity)} ${symbol} on ${date} but holds ${plain(this.units(symbol))}`,
      );
    }
    const price = this.market.close(symbol, date);
    const proceeds = roundCash(quantity.times(price), currency);
    const postings: Posting[] = [];
    let costBasis = new Big(0);
    let left = quantity;
    const lots = this.lotsOf(symbol);
    while (left.gt(0)) {
      const lot = lots[0] as Lot;
      const taken = lot.quantity.lt(left) ? lot.quantity : left;
      postings.push({
        account: this.account.securities(symbol),
        units: plain(taken.neg()),
        commodity: symbol,
        cost: { number: lot.cost, currency, date: lot.date },
        price: { number: price, currency, total: false },
      });
      costBasis = costBasis.plus(taken.times(lot.cost));
      left = left.minus(taken);
      if (taken.eq(lot.quantity)) lots.shift();
      else lots[0] = { ...lot, quantity: lot.quantity.minus(taken) };
    }
    postings.push(this.cashPosting(currency, proceeds));
    const gain = new Big(proceeds).minus(costBasis);
    if (!gain.eq(0))
      postings.push({
        account: this.account.capitalGains,
        units: plain(gain.neg()),
        commodity: currency,
      });
    this.record(
      [
        this.row('sell', date, {
          settleDate: this.market.calendar.after(date, 2),
          symbol,
          quantity: plain(quantity),
          price,
          amount: proceeds,
          currency,
          description: `Sell ${plain(quantity)} ${symbol} at ${price} ${currency} (lots first in, first out)`,
        }),
      ],
      postings,
    );
    this.commission(date, symbol, currency);
  }

  private commission(date: string, symbol: string, currency: string): void {
    this.fee(date, symbol, currency, this.rules.fees.commission, `Commission on ${symbol} trade`);
  }

  private accountFee(date: string): void {
    this.fee(
      date,
      '',
      this.plan.baseCurrency,
      this.rules.fees.annualAccountFee,
      `Annual account fee ${date.slice(0, 4)}`,
    );
  }

  private fee(
    date: string,
    symbol: string,
    currency: string,
    fee: string,
    description: string,
  ): void {
    const cash = roundCash(new Big(fee).neg(), currency);
    this.record(
      [this.row('fee', date, { symbol, amount: cash, currency, description })],
      [
        { account: this.account.fees, units: negateCash(cash, currency), commodity: currency },
        this.cashPosting(currency, cash),
      ],
    );
  }

  private split(symbol: string, date: string): void {
    const lots = this.lots.get(symbol) ?? [];
    if (lots.length === 0) return;
    const split = this.market.splits.find((s) => s.symbol === symbol && s.date === date);
    if (split === undefined) return;
    const ratio = exactRatio(split);
    const { currency } = this.market.security(symbol);
    const postings: Posting[] = [];
    let added = new Big(0);
    const adjusted = lots.map((lot) => {
      const quantity = lot.quantity.times(ratio);
      const cost = new Big(lot.cost).div(ratio);
      if (!quantity.round(0).eq(quantity) || !cost.times(ratio).eq(lot.cost)) {
        throw new DemoDataError(
          'DEMO_PLAN_INVALID',
          `split ${symbol} ${date}: lot of ${plain(lot.quantity)} does not split into whole shares at an exact cost`,
        );
      }
      postings.push(
        {
          account: this.account.securities(symbol),
          units: plain(lot.quantity.neg()),
          commodity: symbol,
          cost: { number: lot.cost, currency, date: lot.date },
        },
        {
          account: this.account.securities(symbol),
          units: plain(quantity),
          commodity: symbol,
          cost: { number: plain(cost), currency, date: lot.date },
        },
      );
      added = added.plus(quantity.minus(lot.quantity));
      return { quantity, cost: plain(cost), date: lot.date };
    });
    this.lots.set(symbol, adjusted);
    this.record(
      [
        this.row('split', date, {
          symbol,
          quantity: plain(added),
          amount: roundCash(new Big(0), currency),
          currency,
          description: `${symbol} ${split.numerator}-for-${split.denominator} split: ${plain(added)} shares added, lot costs divided by ${plain(ratio)}`,
        }),
      ],
      postings,
    );
  }

  private dividend(event: DividendEvent, units: Big): void {
    const cash = roundCash(units.times(event.amount), event.currency);
    const meta: LedgerMeta[] = [
      { key: 'ex_date', value: event.exDate, kind: 'date' },
      { key: 'pay_date', value: event.payDate, kind: 'date' },
    ];
    this.record(
      [
        this.row('dividend', event.payDate, {
          symbol: event.symbol,
          quantity: plain(units),
          price: event.amount,
          amount: cash,
          currency: event.currency,
          exDate: event.exDate,
          payDate: event.payDate,
          description: `${event.symbol} dividend ${event.currency} ${event.amount} per share on ${plain(units)} shares held at ex-date ${event.exDate}`,
        }),
      ],
      [
        this.cashPosting(event.currency, cash),
        {
          account: this.account.dividends(event.symbol),
          units: negateCash(cash, event.currency),
          commodity: event.currency,
        },
      ],
      meta,
    );
    const { currency } = this.market.security(event.symbol);
    if (event.currency !== currency) {
      this.convert(
        event.payDate,
        event.currency,
        new Big(cash),
        currency,
        `${event.symbol} dividend paid in ${currency}: FX`,
      );
    }
  }

  private convert(date: string, from: string, amount: Big, to: string, label: string): void {
    const { value, rate } = this.market.convert(amount, from, to, date);
    const sold = roundCash(amount, from);
    const bought = roundCash(value, to);
    const description = `${label} ${from} ${sold} -> ${to} ${bought} at ${rate.pair} ${rate.rate} (ECB, ${rate.date})`;
    this.record(
      [
        this.row('fx', date, {
          price: rate.rate,
          amount: negateCash(sold, from),
          currency: from,
          description,
        }),
        this.row('fx', date, { price: rate.rate, amount: bought, currency: to, description }),
      ],
      [
        {
          account: this.account.cash(from),
          units: negateCash(sold, from),
          commodity: from,
          price: { number: bought, currency: to, total: true },
        },
        this.cashPosting(to, bought),
      ],
    );
  }

  private interest(date: string): void {
    const balance = this.cash.get('USD');
    const days = daysBetween(this.lastInterestDate, date);
    this.lastInterestDate = date;
    if (balance === undefined || balance.lte(0)) return;
    const rate = this.market.macroValue(this.rules.cashRateSeries, date);
    const cash = roundCash(balance.times(rate).div(100).times(days).div(365), 'USD');
    if (new Big(cash).lte(0)) return;
    this.record(
      [
        this.row('interest', date, {
          amount: cash,
          currency: 'USD',
          description: `Interest on USD cash ${roundCash(balance, 'USD')} at ${rate}% (${this.rules.cashRateSeries}) for ${days} days, actual/365`,
        }),
      ],
      [
        this.cashPosting('USD', cash),
        { account: this.account.interest, units: negateCash(cash, 'USD'), commodity: 'USD' },
      ],
    );
  }

  private row(
    type: BookType,
    date: string,
    fields: Partial<BookRow> & { amount: string; currency: string; description: string },
  ): BookRow {
    this.sequence += 1;
    return {
      externalId: `${this.plan.id}-${String(this.sequence).padStart(4, '0')}`,
      tradeDate: date,
      settleDate: date,
      type,
      symbol: '',
      quantity: '',
      price: '',
      exDate: '',
      payDate: '',
      ...fields,
    };
  }

  private cashPosting(currency: string, amount: string): Posting {
    return { account: this.account.cash(currency), units: amount, commodity: currency };
  }

  private record(rows: BookRow[], postings: Posting[], meta: LedgerMeta[] = []): void {
    for (const row of rows)
      this.cash.set(row.currency, (this.cash.get(row.currency) ?? new Big(0)).plus(row.amount));
    const first = rows[0] as BookRow;
    this.entries.push({
      rows,
      transaction: {
        date: first.tradeDate,
        narration: first.description,
        meta: [
          { key: 'external_id', value: rows.map((r) => r.externalId).join(' '), kind: 'string' },
          ...meta,
        ],
        postings,
      },
    });
  }

  private lotsOf(symbol: string): Lot[] {
    let lots = this.lots.get(symbol);
    if (lots === undefined) this.lots.set(symbol, (lots = []));
    return lots;
  }

  private units(symbol: string): Big {
    return (this.lots.get(symbol) ?? []).reduce((sum, lot) => sum.plus(lot.quantity), new Big(0));
  }
}

function negateCash(amount: string, currency: string): string {
  return roundCash(new Big(amount).neg(), currency);
}
