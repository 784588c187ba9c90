import { describe, expect, it } from 'vitest';
import type { SourceBar, SplitEvent } from './types.js';
import { exactRatio, undoSplitAdjustment } from './undoSplitAdjustment.js';

const split: SplitEvent = {
  symbol: 'AAPL',
  date: '2020-08-31',
  numerator: 4,
  denominator: 1,
  evidence: 'test',
};
const bar = (date: string, close: string): SourceBar => ({
  date,
  open: close,
  high: close,
  low: close,
  close,
  adjClose: close,
  volume: '123',
});

describe('undoSplitAdjustment', () => {
  it('multiplies bars before the split date exactly by the ratio and blanks their volume', () => {
    // Yahoo's split-adjusted AAPL close of 2020-08-28; the exchange printed 499.23.
    const [before, on] = undoSplitAdjustment(
      [bar('2020-08-28', '124.807503'), bar('2020-08-31', '129.039993')],
      [split],
    );
    expect(before).toEqual({
      date: '2020-08-28',
      open: '499.230012',
      high: '499.230012',
      low: '499.230012',
      close: '499.230012',
      adjClose: '499.230012',
      volume: '',
    });
    expect(on).toEqual(bar('2020-08-31', '129.039993'));
  });
  it('compounds two splits for bars before both', () => {
    const second: SplitEvent = { ...split, date: '2021-01-04', numerator: 3, denominator: 2 };
    expect(undoSplitAdjustment([bar('2020-01-02', '10')], [split, second])[0]?.close).toBe('60');
  });
});

describe('exactRatio', () => {
  it('accepts terminating ratios and refuses 1-for-3', () => {
    expect(exactRatio({ ...split, numerator: 3, denominator: 2 }).toFixed()).toBe('1.5');
    expect(() => exactRatio({ ...split, numerator: 1, denominator: 3 })).toThrow(
      'has no exact decimal ratio',
    );
  });
});
