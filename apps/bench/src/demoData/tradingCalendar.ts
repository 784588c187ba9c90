import { addDays } from './isoDate.js';

/**
 * The trading days of the demo market (the calendar symbol's bar dates, ascending) and
 * the date arithmetic the simulation needs. Beyond the last known day, weekdays stand in
 * for trading days (used only for pay dates after the data ends).
 */
export class TradingCalendar {
  private readonly index: ReadonlyMap<string, number>;

  constructor(readonly days: readonly string[]) {
    this.index = new Map(days.map((d, i) => [d, i]));
  }

  isTradingDay(date: string): boolean {
    return this.index.has(date);
  }

  /** The first trading day on or after `date`. */
  onOrAfter(date: string): string {
    const last = this.days.at(-1);
    if (last === undefined || date > last) return nextWeekday(date);
    let d = date;
    while (!this.index.has(d)) d = addDays(d, 1);
    return d;
  }

  /** The `n`-th trading day after `date` (n ≥ 1). */
  after(date: string, n: number): string {
    let d = date;
    for (let i = 0; i < n; i++) d = this.onOrAfter(addDays(d, 1));
    return d;
  }

  /** True when `date` is the last trading day of its month, quarter (`3`) or year (`12`). */
  isLastOfPeriod(date: string, months: 1 | 3 | 12): boolean {
    const i = this.index.get(date);
    const next = i === undefined ? undefined : this.days[i + 1];
    if (next === undefined) return false;
    const period = (d: string): number =>
      Math.floor((Number(d.slice(5, 7)) - 1) / months) + Number(d.slice(0, 4)) * 12;
    return period(next) !== period(date);
  }
}

function nextWeekday(date: string): string {
  let d = date;
  for (;;) {
    const day = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) return d;
    d = addDays(d, 1);
  }
}
