import Big from 'big.js';
import { DemoDataError } from './demoDataError.js';
import { plain } from './money.js';
import type { PriceBar, SourceBar, SplitEvent } from './types.js';

/**
 * Turns split-adjusted bars (Yahoo's "Close") back into raw exchange prices: every bar
 * dated before a split's effective date is multiplied by numerator/denominator of each
 * such split (AAPL 4:1 on 2020-08-31 turns 124.807503 on 2020-08-28 into 499.230012).
 * Adj Close is scaled alike, so its ratio to Close (which carries the dividend history)
 * is unchanged. Multiplication by a terminating ratio is exact, so nothing is rounded;
 * a ratio that does not terminate is refused. Volume of an un-adjusted bar is left blank
 * (the adjusted share count divided by the ratio need not be a whole number).
 */
export function undoSplitAdjustment(
  bars: readonly SourceBar[],
  splits: readonly SplitEvent[],
): SourceBar[] {
  if (splits.length === 0) return [...bars];
  return bars.map((bar) => {
    const factor = splits
      .filter((s) => bar.date < s.date)
      .reduce((f, s) => f.times(exactRatio(s)), new Big(1));
    if (factor.eq(1)) return bar;
    const scale = (value: string): string =>
      value === '' ? '' : plain(new Big(value).times(factor));
    return {
      date: bar.date,
      open: scale(bar.open),
      high: scale(bar.high),
      low: scale(bar.low),
      close: scale(bar.close),
      adjClose: scale(bar.adjClose),
      volume: '',
    };
  });
}

/** numerator/denominator as an exact decimal; a non-terminating ratio is an error. */
export function exactRatio(split: SplitEvent): Big {
  const ratio = new Big(split.numerator).div(split.denominator);
  if (!ratio.times(split.denominator).eq(split.numerator)) {
    throw new DemoDataError(
      'DEMO_PLAN_INVALID',
      `split ${split.symbol} ${split.date} ${split.numerator}:${split.denominator} has no exact decimal ratio`,
    );
  }
  return ratio;
}

/** Drops the `adjClose` column: the bar as written to `prices/<SYMBOL>.csv`. */
export function toPriceBar(bar: SourceBar): PriceBar {
  return {
    date: bar.date,
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    volume: bar.volume,
  };
}
