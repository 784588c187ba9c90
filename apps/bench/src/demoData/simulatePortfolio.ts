import Big from 'big.js';
import { DemoDataError } from './demoDataError.js';
import type { DemoMarket } from './demoMarket.js';
import { daysBetween } from './isoDate.js';
import { type JournalEntry, type LedgerMeta, type Posting, accountsOf } from './journal.js';
import { JournalRecorder } from './journalRecorder.js';
import { negateCash, plain, roundCash } from './money.js';
import { PortfolioLots } from './portfolioLots.js';
import { exactRatio } from './undoSplitAdjustment.js';
import type { DividendEvent, FeeSchedule, PlanAction, PortfolioPlan } from './types.js';

/** Settings of the simulation that are not part of a portfolio's plan. */
export interface SimulationRules {
  readonly fees: FeeSchedule;
  /** FRED series giving the annual % rate on USD cash (e.g. DGS3MO). */
  readonly cashRateSeries: string;
  readonly lastDate: string;
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
  private readonly lots = new PortfolioLots();
  private readonly entitlements: { event: DividendEvent; units: Big }[] = [];
  private readonly account;
  private readonly journal: JournalRecorder;
  private lastInterestDate: string;

  constructor(
    private readonly plan: PortfolioPlan,
    private readonly market: DemoMarket,
    private readonly rules: SimulationRules,
  ) {
    this.account = accountsOf(plan.id);
    this.journal = new JournalRecorder(plan.id, this.account.cash);
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
        const units = this.lots.units(event.symbol);
        if (units.gt(0)) this.entitlements.push({ event, units });
      }
      for (const action of this.plan.actions) if (action.date === day) this.act(action);
      for (const e of this.entitlements)
        if (e.event.payDate === day) this.dividend(e.event, e.units);
      if (this.market.calendar.isLastOfPeriod(day, 3)) this.interest(day);
      if (this.market.calendar.isLastOfPeriod(day, 12)) this.accountFee(day);
      for (const [currency, balance] of this.journal.cashBalances()) {
        if (balance.lt(0)) {
          throw new DemoDataError(
            'DEMO_PLAN_INVALID',
            `plan ${this.plan.id} overdraws ${currency} cash on ${day}: ${plain(balance)}`,
          );
        }
      }
    }
    return this.journal.journal();
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
    this.journal.record(
      [
        this.journal.row(type, date, {
          amount: cash,
          currency,
          description: `${type === 'deposit' ? 'Deposit' : 'Withdrawal'} ${currency} ${roundCash(new Big(amount), currency)}`,
        }),
      ],
      [
        this.journal.cashPosting(currency, cash),
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
    this.lots.add(symbol, { quantity, cost: price, date });
    this.journal.record(
      [
        this.journal.row('buy', date, {
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
        this.journal.cashPosting(currency, cash),
      ],
    );
    this.commission(date, symbol, currency);
  }

  private sell(date: string, symbol: string, quantity: Big): void {
    const { currency } = this.market.security(symbol);
    if (this.lots.units(symbol).lt(quantity)) {
      throw new DemoDataError(
        'DEMO_PLAN_INVALID',
        `plan ${this.plan.id}: sells ${plain(quantity)} ${symbol} on ${date} but holds ${plain(this.lots.units(symbol))}`,
      );
    }
    const price = this.market.close(symbol, date);
    const proceeds = roundCash(quantity.times(price), currency);
    const postings: Posting[] = [];
    let costBasis = new Big(0);
    for (const taken of this.lots.takeFirstInFirstOut(symbol, quantity)) {
      postings.push({
        account: this.account.securities(symbol),
        units: plain(taken.quantity.neg()),
        commodity: symbol,
        cost: { number: taken.cost, currency, date: taken.date },
        price: { number: price, currency, total: false },
      });
      costBasis = costBasis.plus(taken.quantity.times(taken.cost));
    }
    postings.push(this.journal.cashPosting(currency, proceeds));
    const gain = new Big(proceeds).minus(costBasis);
    if (!gain.eq(0))
      postings.push({
        account: this.account.capitalGains,
        units: plain(gain.neg()),
        commodity: currency,
      });
    this.journal.record(
      [
        this.journal.row('sell', date, {
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
    this.journal.record(
      [this.journal.row('fee', date, { symbol, amount: cash, currency, description })],
      [
        { account: this.account.fees, units: negateCash(cash, currency), commodity: currency },
        this.journal.cashPosting(currency, cash),
      ],
    );
  }

  private split(symbol: string, date: string): void {
    const lots = this.lots.open(symbol);
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
    this.lots.replace(symbol, adjusted);
    this.journal.record(
      [
        this.journal.row('split', date, {
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
    this.journal.record(
      [
        this.journal.row('dividend', event.payDate, {
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
        this.journal.cashPosting(event.currency, cash),
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
    this.journal.record(
      [
        this.journal.row('fx', date, {
          price: rate.rate,
          amount: negateCash(sold, from),
          currency: from,
          description,
        }),
        this.journal.row('fx', date, {
          price: rate.rate,
          amount: bought,
          currency: to,
          description,
        }),
      ],
      [
        {
          account: this.account.cash(from),
          units: negateCash(sold, from),
          commodity: from,
          price: { number: bought, currency: to, total: true },
        },
        this.journal.cashPosting(to, bought),
      ],
    );
  }

  private interest(date: string): void {
    const balance = this.journal.cashBalance('USD');
    const days = daysBetween(this.lastInterestDate, date);
    this.lastInterestDate = date;
    if (balance === undefined || balance.lte(0)) return;
    const rate = this.market.macroValue(this.rules.cashRateSeries, date);
    const cash = roundCash(balance.times(rate).div(100).times(days).div(365), 'USD');
    if (new Big(cash).lte(0)) return;
    this.journal.record(
      [
        this.journal.row('interest', date, {
          amount: cash,
          currency: 'USD',
          description: `Interest on USD cash ${roundCash(balance, 'USD')} at ${rate}% (${this.rules.cashRateSeries}) for ${days} days, actual/365`,
        }),
      ],
      [
        this.journal.cashPosting('USD', cash),
        { account: this.account.interest, units: negateCash(cash, 'USD'), commodity: 'USD' },
      ],
    );
  }
}
