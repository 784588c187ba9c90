import Big from 'big.js';
import { DemoDataError } from './demoDataError.js';
import type { SourceBar } from './types.js';

/** A dividend read off the adjustment ratio: ex-date and per-share amount. */
export interface InferredDividend {
  readonly exDate: string;
  readonly amount: string;
}

/** Relative change of the Adj Close / Close ratio below which a day is not an ex-date. */
const noiseLevel = new Big('0.00001');
/** How close (in currency units) an inferred amount must be to a whole cent to snap to it. */
const centSnap = new Big('0.0002');

/**
 * Infers cash dividends from a Yahoo-style series whose `Adj Close` is dividend-adjusted
 * and whose `close` is raw. Yahoo scales every close before an ex-date by
 * (1 − D / C_prev), so the ratio r = AdjClose / Close jumps up on the ex-date and
 *   D = C_prev × (1 − r_prev / r_ex),
 * with C_prev the raw close of the day before. The result is snapped to a whole cent when
 * within 0.0002 of one (most dividends are declared in cents; Yahoo's 6-decimal adjusted
 * closes leave ~1e-5 of noise), else rounded to 4 decimals. Days whose ratio moves by less
 * than 1e-5 (float noise) are not ex-dates; a ratio that falls by more is an error, since no
 * dividend can cause it. Bars must ascend; the first bar only serves as "day before".
 *
 * @example closes 40, 40.4 with adj 39.6, 40.4 → r 0.99, 1 → D = 40 × (1 − 0.99) = 0.40
 */
export function inferDividends(bars: readonly SourceBar[], file: string): InferredDividend[] {
  const dividends: InferredDividend[] = [];
  for (let i = 1; i < bars.length; i++) {
    const prev = bars[i - 1] as SourceBar;
    const bar = bars[i] as SourceBar;
    // r / r_prev − 1 = (adj × close_prev − close × adj_prev) / (close × adj_prev): no division
    // unless the day is a candidate (most days are not).
    const scaledPrev = new Big(bar.close).times(prev.adjClose);
    const difference = new Big(bar.adjClose).times(prev.close).minus(scaledPrev);
    if (difference.abs().lt(scaledPrev.times(noiseLevel))) continue;
    if (difference.lt(0)) {
      throw new DemoDataError(
        'DEMO_SOURCE_MALFORMED',
        `${file}: Adj Close / Close falls on ${bar.date}; a dividend can only raise it`,
      );
    }
    const ratioPrev = new Big(prev.adjClose).div(prev.close);
    const ratio = new Big(bar.adjClose).div(bar.close);
    const exact = new Big(prev.close).times(new Big(1).minus(ratioPrev.div(ratio)));
    const cents = exact.round(2, Big.roundHalfUp);
    const amount = cents.minus(exact).abs().lte(centSnap)
      ? cents.toFixed(2)
      : exact.round(4, Big.roundHalfUp).toFixed(4);
    dividends.push({ exDate: bar.date, amount });
  }
  return dividends;
}
