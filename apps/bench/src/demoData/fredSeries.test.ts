import { describe, expect, it } from 'vitest';
import { readFredSeries } from './fredSeries.js';

describe('readFredSeries', () => {
  it('writes FRED missing markers "." and empty as blank, never 0, within the window', () => {
    const text =
      'observation_date,DGS10\n2018-12-31,2.69\n2019-01-01,.\n2019-01-02,\n2019-01-03,2.56\n';
    expect(readFredSeries(text, 'f.csv', '2019-01-01', '2019-12-31')).toEqual([
      { date: '2019-01-01', value: '' },
      { date: '2019-01-02', value: '' },
      { date: '2019-01-03', value: '2.56' },
    ]);
  });
  it('accepts the value column first and names a bad value with file and line', () => {
    expect(
      readFredSeries('value,date\n1.5,2019-01-02\n', 'f.csv', '2019-01-01', '2019-12-31'),
    ).toEqual([{ date: '2019-01-02', value: '1.5' }]);
    expect(() =>
      readFredSeries('date,value\n2019-01-02,n/a\n', 'f.csv', '2019-01-01', '2019-12-31'),
    ).toThrow('f.csv:2: expected a decimal or "." for missing, found "n/a"');
  });
});
