import type { Decimal } from '../core/decimal.js';
import type { Directive } from '../core/types.js';

/** One `price` directive's observation. */
export interface PricePoint {
  readonly date: string;
  readonly price: Decimal;
}

/**
 * Price history from `price` directives, per commodity and quote currency, ascending by
 * date; on a date with several prices the last one written wins (as in Beancount's
 * price map). Only direct quotes are kept; no inversion or triangulation.
 */
export class PriceHistory {
  private readonly series = new Map<string, PricePoint[]>();

  constructor(entries: readonly Directive[]) {
    for (const e of entries) {
      if (e.type !== 'Price') continue;
      const key = pairKey(e.currency, e.amount.currency);
      const points = this.series.get(key);
      const point = { date: e.date, price: e.amount.number };
      if (points === undefined) this.series.set(key, [point]);
      else if (points[points.length - 1]?.date === e.date) points[points.length - 1] = point;
      else points.push(point);
    }
    for (const points of this.series.values())
      points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** Every observation of `commodity` in `quote`, ascending (empty when none). */
  history(commodity: string, quote: string): readonly PricePoint[] {
    return this.series.get(pairKey(commodity, quote)) ?? [];
  }

  /** The latest observation dated on or before `date`, or null when there is none. */
  latest(commodity: string, quote: string, date: string): PricePoint | null {
    const points = this.series.get(pairKey(commodity, quote));
    if (points === undefined) return null;
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((points[mid] as PricePoint).date <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : (points[lo - 1] as PricePoint);
  }

  /** `[commodity, quote, count]` for every pair, sorted. */
  pairs(): { commodity: string; quote: string; count: number }[] {
    return [...this.series.entries()]
      .map(([key, points]) => {
        const [commodity, quote] = key.split(' ') as [string, string];
        return { commodity, quote, count: points.length };
      })
      .sort((a, b) => (a.commodity + a.quote < b.commodity + b.quote ? -1 : 1));
  }
}

function pairKey(commodity: string, quote: string): string {
  return `${commodity} ${quote}`;
}
