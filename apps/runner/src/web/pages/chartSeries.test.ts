import { describe, expect, it } from 'vitest';
import { chartData, forDrawing } from './chartSeries.js';

describe('chartData', () => {
  it('turns dates into day numbers and rounds values to 6 significant digits, keeping nulls', () => {
    const data = chartData(
      {
        dates: ['1970-01-02', '2019-01-02'],
        values: [196813.4898207098, 0.1],
        twr: [0, 1.1586012345678],
        drawdown: [0, -0.21234567891],
        benchmark: [null, 0.35104999999],
      },
      'EUR',
      'EFA',
    );
    expect(data).toEqual({
      days: [1, 17898],
      values: [196813, 0.1],
      twr: [0, 1.1586],
      drawdown: [0, -0.212346],
      benchmark: [null, 0.35105],
      currency: 'EUR',
      benchmarkSymbol: 'EFA',
    });
  });

  it('forDrawing stays within 5e-6 relative of the value', () => {
    for (const x of [1e-9, -0.123456789, 3.14159265358979, 987654321.123]) {
      expect(Math.abs(forDrawing(x) - x)).toBeLessThanOrEqual(Math.abs(x) * 5e-6);
    }
  });
});
